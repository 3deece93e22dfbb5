import type { Metadata } from 'next';
import { staffUser } from '@/app/admin/staff-access';
import { AnalyticsDashboardView } from '@/components/admin/analytics/analytics-dashboard';
import { DateRangeForm } from '@/components/admin/analytics/date-range-form';
import { analyticsDashboard, dateRangeSchema, lastDays } from '@/server/analytics';
import { MARKETERS_GROUP } from '@/server/identity';

// /admin/analytics, for the marketers group (checked here and again by the API, ADR 0004). The range comes from
// the query string; a bad one shows the form with the error and the last 30 days.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Analytics', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAnalyticsPage({ searchParams }: Props) {
  const { denied } = await staffUser(MARKETERS_GROUP, '/admin/analytics', 'analytics');
  if (denied) return denied;

  const raw = await searchParams;
  const asked = raw.from !== undefined || raw.to !== undefined;
  const parsed = dateRangeSchema.safeParse({ from: raw.from, to: raw.to });
  const range = parsed.success ? parsed.data : lastDays(30);
  const error =
    asked && !parsed.success ? `That range is not valid (${parsed.error.issues.map((i) => i.message).join('; ')}): showing the last 30 days.` : undefined;
  const data = await analyticsDashboard(range);
  return (
    <>
      <h1>Analytics</h1>
      <p>
        What sold, where shoppers drop out, what they search for, and whether features in a partial rollout sell more. Days are UTC; events reach this page
        within a couple of minutes.
      </p>
      <DateRangeForm from={range.from} to={range.to} error={error} />
      <AnalyticsDashboardView data={data} />
    </>
  );
}
