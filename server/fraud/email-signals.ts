import { createRequire } from 'node:module';
import { join } from 'node:path';

// Email facts for the rules: the mailbox a `+tag` address delivers to, and whether the domain is a throwaway one
// (the maintained `disposable-email-domains` list, ~120k domains, loaded once on first use through a runtime
// require, as server/locations loads its data: kept out of the bundles, listed in next.config.mjs for the tracer).

/** `Me+Shop1@Example.com` → `me@example.com`: the mailbox every `+tag` spelling reaches. */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email.trim().toLowerCase();
  const local = email.slice(0, at).split('+')[0] ?? '';
  return `${local}@${email.slice(at + 1)}`.trim().toLowerCase();
}

let disposable: Set<string> | undefined;

function disposableDomains(): Set<string> {
  if (!disposable) {
    const list = createRequire(join(process.cwd(), 'package.json'))('disposable-email-domains') as string[];
    disposable = new Set(list);
  }
  return disposable;
}

/** True for an address at a disposable domain or any subdomain of one (`x.mailinator.com`). */
export function isDisposableEmail(email: string): boolean {
  const domain = email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  const domains = disposableDomains();
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (domains.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}
