import { randomBytes } from 'node:crypto';
import type { AuthorizationRecord, ChallengeRecord } from './records';

// The sandbox's 3-D Secure page: what a bank's challenge looks like to the shopper, reduced to two buttons. A plain
// form (no script at all), so it works by keyboard and with a screen reader as any form does, under a CSP of its
// own that allows nothing but its nonced style and a form post to itself (the answer then redirects to the shop:
// Chromium checks form-action on that redirect too, hence the shop's origins).

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function challengePageHeaders(formTargets: string[]): { csp: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return { csp, nonce };
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.5rem}.amount{font-size:1.25rem;font-weight:600}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:2px solid #1a4d8f;cursor:pointer}
.pass{background:#1a4d8f;color:#fff}.fail{background:#fff;color:#8f1a1a;border-color:#8f1a1a}
button:focus-visible{outline:3px solid #f5b400;outline-offset:2px}.note{color:#444;font-size:.9rem}`;

function page(nonce: string, title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function formatAmount(auth: Pick<AuthorizationRecord, 'amount' | 'currency'>): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: auth.currency }).format(auth.amount / 100);
}

export function challengePage(nonce: string, challenge: ChallengeRecord, payment: { amount: number; currency: string; last4: string }, action: string): string {
  if (challenge.status !== 'pending') {
    const passed = challenge.status === 'passed';
    return page(
      nonce,
      passed ? 'Authentication passed' : 'Authentication failed',
      `<h1>${passed ? 'Authentication passed' : 'Authentication failed'}</h1><p>This check has been answered. You can return to the shop.</p>`,
    );
  }
  return page(
    nonce,
    'Confirm your payment – Sandbox bank',
    `<h1>Confirm your payment</h1>
<p>Sandbox bank: 3-D Secure test page. Your bank asks you to confirm this payment.</p>
<p class="amount">${escapeHtml(formatAmount(payment))} with the card ending in ${escapeHtml(payment.last4)}</p>
<form method="post" action="${escapeHtml(action)}" aria-describedby="challenge-note">
<div class="actions"><button class="pass" type="submit" name="outcome" value="pass">Pass authentication</button>
<button class="fail" type="submit" name="outcome" value="fail">Fail authentication</button></div>
</form>
<p id="challenge-note" class="note">Test mode: no real bank is asked. Choose pass to approve the payment or fail to refuse it.</p>`,
  );
}

export function resultPage(nonce: string, status: 'passed' | 'failed'): string {
  const passed = status === 'passed';
  return page(
    nonce,
    passed ? 'Authentication passed' : 'Authentication failed',
    `<h1>${passed ? 'Authentication passed' : 'Authentication failed'}</h1><p>You can close this page and return to the shop.</p>`,
  );
}
