import { z } from 'zod';
import { AppError } from '../platform/errors';
import { requestAddressBucket } from '../platform/http/client-address';
import { rateLimit } from '../platform/runtime';
import { carriesContactDetails } from './contact-details';
import { decodedPath, isShopPagePath } from './page-routes';
import { trackAnalytics } from './track';

// POST /api/page-views { path }: the browser's beacon reports each page it shows (components/analytics). The pages
// themselves are cached HTML for everyone and cannot know the visitor, so the view comes from the client.
// Only the path is taken (the beacon never sends the query string: a guest's signed order link rides there), and
// staff pages and the API are not shoppers' views. Rate limited per client address, so a script cannot flood the
// lake: past the limit it answers 429 and records nothing.
// Issue 30 L7: only a page of this shop (page-routes.ts: a route pattern allow-list; staff pages are accepted and
// not recorded), 400 otherwise; the visitor is counted only by an sf_anon this server signed (identity/anon-id.ts)
// or a verified session; the contact-details check runs on the percent-decoded path (`me%40example.com`), and a
// path that carries one is answered 204 and not recorded (a tracking number is a page, not a thing to keep).

const STAFF_PAGES = /^\/admin(\/|$)/;

export const pageViewBody = z
  .object({
    path: z
      .string({ error: 'path must be a string' })
      .max(200, 'path is at most 200 characters')
      .regex(/^\/(?!\/)[^\s?#]*$/, 'path must be a site path such as /c/coffee, without a query')
      .refine((path) => isShopPagePath(path) || STAFF_PAGES.test(path), 'path must be a page of this shop'),
  })
  .strict();

/** Per client address: a person reading the shop sees far fewer pages a minute than this. */
const PER_ADDRESS = { points: 120, durationSeconds: 60 };

export async function recordPageView(req: Request, path: string): Promise<void> {
  const verdict = await rateLimit('page-views:address', PER_ADDRESS).take(requestAddressBucket(req));
  if (!verdict.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many page views from this address.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  }
  const decoded = decodedPath(path);
  if (STAFF_PAGES.test(path) || decoded === null || carriesContactDetails(decoded)) return;
  trackAnalytics({ type: 'page-view', path }, { request: req });
}
