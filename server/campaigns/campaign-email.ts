import { getProductRecords, isPublished, listProducts, toProductSummary } from '../catalog';
import { type CampaignPick, campaignEmailContent, type MailHeader, type RenderedEmail } from '../notifications';
import { siteUrl } from '../platform/site';
import type { CampaignInput, Segment } from './campaign-model';
import { unsubscribeUrl } from './unsubscribe-token';

// The campaign email for one recipient, and its one-click unsubscribe headers (RFC 8058): a mail client's
// "Unsubscribe" POSTs `List-Unsubscribe=One-Click` to the link, which withdraws marketing consent at once. The
// "Shop now" link and the product picks follow the segment: its category, or the product they looked at.

export type CampaignExtras = { shopUrl: string; picks: CampaignPick[] };

/** Read once per send (not per recipient): the segment's shop link and up to three products to show. */
export async function campaignExtras(segment: Segment): Promise<CampaignExtras> {
  try {
    if (segment.kind === 'bought-in-category') {
      const { items } = await listProducts({ category: segment.category, sort: 'featured', limit: 3 });
      return {
        shopUrl: siteUrl(`/c/${segment.category}`),
        picks: items.map((p) => ({ name: p.name, url: siteUrl(`/p/${p.slug}`), image: siteUrl(p.image), price: p.price })),
      };
    }
    const record = (await getProductRecords([segment.productId])).get(segment.productId);
    if (!record || !isPublished(record)) return { shopUrl: siteUrl('/'), picks: [] };
    const p = toProductSummary(record);
    return { shopUrl: siteUrl(`/p/${p.slug}`), picks: [{ name: p.name, url: siteUrl(`/p/${p.slug}`), image: siteUrl(p.image), price: p.price }] };
  } catch {
    // A category since removed, a catalog hiccup: the mail still goes, with the shop's front page to shop from.
    return { shopUrl: siteUrl('/'), picks: [] };
  }
}

export function campaignEmail(
  campaign: CampaignInput,
  recipient: { userId: string; name: string },
  extras: CampaignExtras = { shopUrl: siteUrl('/'), picks: [] },
  /** Overridden only by the preview, whose placeholder recipient must carry no working token (issue 30 M1). */
  link = unsubscribeUrl(recipient.userId),
): { render: () => Promise<RenderedEmail>; headers: MailHeader[] } {
  return {
    render: () =>
      campaignEmailContent({
        subject: campaign.subject,
        greeting: recipient.name ? `Hello ${recipient.name},` : 'Hello,',
        message: campaign.message,
        promotionCode: campaign.promotionCode,
        shopUrl: extras.shopUrl,
        picks: extras.picks,
        unsubscribeUrl: link,
        siteOrigin: siteUrl('/'),
      }),
    headers: [
      { name: 'List-Unsubscribe', value: `<${link}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  };
}
