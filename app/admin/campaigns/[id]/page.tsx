import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { staffUser } from '@/app/admin/staff-access';
import { CampaignProgress } from '@/components/admin/campaigns/campaign-progress';
import styles from '@/components/admin/campaigns/campaigns.module.css';
import { describeSegment } from '@/components/admin/campaigns/describe-campaign';
import { campaignFor, type Segment } from '@/server/campaigns';
import { getCategory, getProductRecords } from '@/server/catalog';
import { MARKETERS_GROUP } from '@/server/identity';
import { sendCampaignAction } from '../actions';

// /admin/campaigns/[id]: one campaign, its send progress (live while sending) and the Send button (marketers).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Campaign', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { user, denied } = await staffUser(MARKETERS_GROUP, `/admin/campaigns/${encodeURIComponent(id)}`, 'campaigns');
  if (denied) return denied;
  const campaign = await campaignFor(user, id);
  if (!campaign) notFound();
  const sendRequested = query.sending === '1';
  const names = await segmentNames(campaign.segment);
  return (
    <>
      <p>
        <Link href="/admin/campaigns">← All campaigns</Link>
      </p>
      <h1>{campaign.subject}</h1>
      {query.created === '1' ? (
        <p className="notice" role="status">
          Campaign created. Nothing is sent until you press Send.
        </p>
      ) : null}
      <dl>
        <dt>Segment</dt>
        <dd>
          {describeSegment(campaign.segment, names)}
          {campaign.segment.kind === 'viewed-not-bought' ? (
            <span className={styles.secondary}>
              Product id <Link href={`/admin/products/${encodeURIComponent(campaign.segment.productId)}`}>{campaign.segment.productId}</Link>
            </span>
          ) : null}
        </dd>
        <dt>Promotion code</dt>
        <dd>{campaign.promotionCode ?? 'None'}</dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={campaign.createdAt}>{campaign.createdAt.slice(0, 16).replace('T', ' ')} UTC</time> by {campaign.createdBy}
        </dd>
      </dl>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <CampaignProgress
          key={`${campaign.status}:${campaign.sent}:${campaign.total}`}
          initial={{ id: campaign.id, status: campaign.status, total: campaign.total, sent: campaign.sent, skipped: campaign.skipped, failed: campaign.failed }}
          live={sendRequested}
        />
        {sendRequested && campaign.status !== 'sent' ? <p>The send has started. Without script, reload this page to see it advance.</p> : null}
        <form action={sendCampaignAction}>
          <input type="hidden" name="campaignId" value={campaign.id} />
          <button type="submit" className="button">
            {campaign.status === 'draft' ? 'Send' : 'Send again (resumes; nobody gets it twice)'}
          </button>
        </form>
      </section>
      <section aria-labelledby="message-title">
        <h2 id="message-title">Message</h2>
        <p className={styles.message}>{campaign.message}</p>
      </section>
    </>
  );
}

/** The segment's product or category by name, read through the catalog's door; one gone since keeps its id. */
async function segmentNames(segment: Segment): Promise<{ categories?: Record<string, string>; products?: Record<string, string> }> {
  if (segment.kind === 'viewed-not-bought') {
    const product = (await getProductRecords([segment.productId], { stock: 'copy' })).get(segment.productId);
    return product ? { products: { [product.id]: product.name } } : {};
  }
  const category = await getCategory(segment.category);
  return category ? { categories: { [category.slug]: category.name } } : {};
}
