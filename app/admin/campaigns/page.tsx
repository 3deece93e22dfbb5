import type { Metadata } from 'next';
import Link from 'next/link';
import { staffUser } from '@/app/admin/staff-access';
import { CampaignForm } from '@/components/admin/campaigns/campaign-form';
import styles from '@/components/admin/campaigns/campaigns.module.css';
import { describeProgress, describeSegment, STATUS_LABEL } from '@/components/admin/campaigns/describe-campaign';
import { TableScroll } from '@/components/admin/table-scroll';
import { campaignFormOptions, campaignsFor } from '@/server/campaigns';
import { MARKETERS_GROUP } from '@/server/identity';
import { campaignFormAction } from './actions';
import { initialCampaignFormState } from './campaign-form';

// /admin/campaigns, for the marketers group: the page checks the verified session and the group itself
// (ADR 0004); the actions and the API behind check again.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Campaigns', robots: { index: false, follow: false } };

export default async function AdminCampaignsPage() {
  const { user, denied } = await staffUser(MARKETERS_GROUP, '/admin/campaigns', 'campaigns');
  if (denied) return denied;
  const [campaigns, options] = await Promise.all([campaignsFor(user), campaignFormOptions(user)]);
  const categories = Object.fromEntries(options.categories.map((c) => [c.slug, c.name]));
  const products = Object.fromEntries(options.products.map((p) => [p.id, p.name]));
  return (
    <>
      <h1>Campaigns</h1>
      <p>
        Email a segment of shoppers who agreed to marketing email. Preview shows how many are in it now and the email as they get it; each recipient gets a
        campaign once, even if a send is interrupted and started again, and every email has a one-click unsubscribe.
      </p>
      <section aria-labelledby="list-title">
        <h2 id="list-title">All campaigns</h2>
        {campaigns.length === 0 ? (
          <p>No campaigns yet.</p>
        ) : (
          <TableScroll label="Campaigns">
            <table className={styles.table}>
              <caption className="visually-hidden">Campaigns, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Segment</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/admin/campaigns/${encodeURIComponent(c.id)}`}>{c.subject}</Link>
                    </th>
                    <td>{describeSegment(c.segment, { categories, products })}</td>
                    <td>{STATUS_LABEL[c.status]}</td>
                    <td>{describeProgress(c)}</td>
                    <td>
                      <time dateTime={c.createdAt}>{c.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="new-title">
        <h2 id="new-title">New campaign</h2>
        <CampaignForm initial={initialCampaignFormState()} options={options} action={campaignFormAction} />
      </section>
    </>
  );
}
