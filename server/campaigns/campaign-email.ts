import type { MailHeader, RenderedEmail } from '../notifications';
import type { CampaignInput } from './campaign-model';
import { unsubscribeUrl } from './unsubscribe-token';

// The campaign email for one recipient, and its one-click unsubscribe headers (RFC 8058): a mail client's
// "Unsubscribe" POSTs `List-Unsubscribe=One-Click` to the link, which withdraws marketing consent at once.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function campaignEmail(campaign: CampaignInput, recipient: { userId: string; name: string }): { mail: RenderedEmail; headers: MailHeader[] } {
  const link = unsubscribeUrl(recipient.userId);
  const greeting = recipient.name ? `Hello ${recipient.name},` : 'Hello,';
  const offer = campaign.promotionCode ? `Use code ${campaign.promotionCode} at checkout.` : '';
  const text = [greeting, '', campaign.message, ...(offer ? ['', offer] : []), '', `Unsubscribe from marketing email: ${link}`].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...campaign.message.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`),
    offer ? `<p><strong>${escapeHtml(offer)}</strong></p>` : '',
    `<p><a href="${escapeHtml(link)}">Unsubscribe from marketing email</a></p>`,
  ].join('');
  return {
    mail: { subject: campaign.subject, text, html },
    headers: [
      { name: 'List-Unsubscribe', value: `<${link}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  };
}
