import { z } from 'zod';
import { AppError } from '../platform/errors';
import { requestAddressBucket } from '../platform/http/client-address';
import { rateLimit } from '../platform/runtime';
import { WEB_VITAL_METRICS } from './event-schema';
import { trackAnalytics } from './track';

// POST /api/vitals { name, value, path } (API.md "Back office"): real-user Core Web Vitals from the web-vitals
// library in the browser (components/analytics/vitals-reporter.tsx). They go through trackAnalytics like page
// views, so the same consent rules apply (a visitor who said no, or Do Not Track, records nothing). Only the page
// template is kept, never the path: /p/[slug] is what a team can fix, and a path can carry what it should not.

export const vitalBody = z
  .object({
    name: z.enum(WEB_VITAL_METRICS, { error: `name must be one of ${WEB_VITAL_METRICS.join(', ')}` }),
    value: z.number({ error: 'value must be a number' }).finite().min(0, 'value must not be negative').max(600_000, 'value is at most 600000'),
    path: z
      .string({ error: 'path must be a string' })
      .max(200, 'path is at most 200 characters')
      .regex(/^\/(?!\/)[^\s?#]*$/, 'path must be a site path such as /c/coffee, without a query'),
  })
  .strict();

export type VitalBody = z.infer<typeof vitalBody>;

/** A page's template, as the app's routes name them; anything else is "other". */
export function pageTemplate(path: string): string {
  if (path === '/') return '/';
  const [first = '', second] = path.split('/').filter(Boolean);
  if (['p', 'c'].includes(first) && second) return `/${first}/[slug]`;
  if (first === 'orders') return second ? (second === 'lookup' ? '/orders/lookup' : '/orders/[id]') : '/orders';
  if (['search', 'cart', 'checkout', 'wishlist', 'stores', 'sign-in', 'sign-up', 'account'].includes(first)) return `/${first}`;
  return 'other';
}

/** Per client address: five metrics per page, and far fewer pages a minute than this. */
const PER_ADDRESS = { points: 600, durationSeconds: 60 };

const NOT_SHOPPER_PAGES = /^\/(admin|api)(\/|$)/;

export async function recordVital(req: Request, body: VitalBody): Promise<void> {
  const verdict = await rateLimit('vitals:address', PER_ADDRESS).take(requestAddressBucket(req));
  if (!verdict.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many vitals from this address.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  }
  if (NOT_SHOPPER_PAGES.test(body.path)) return;
  trackAnalytics({ type: 'web-vital', metric: body.name, value: body.value, template: pageTemplate(body.path) }, { request: req });
}
