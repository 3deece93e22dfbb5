import { z } from 'zod';
import { AppError } from '../errors';
import { requestAddressBucket } from '../http/client-address';
import { rateLimit } from '../runtime';
import { trackAnalytics } from './track';

// POST /api/page-views { path }: the browser's beacon reports each page it shows (components/analytics). The pages
// themselves are cached HTML for everyone and cannot know the visitor, so the view comes from the client.
// Only the path is taken (the beacon never sends the query string: a guest's signed order link rides there), and
// staff pages and the API are not shoppers' views. Rate limited per client address, so a script cannot flood the
// lake: past the limit it answers 429 and records nothing.

export const pageViewBody = z
  .object({
    path: z
      .string({ error: 'path must be a string' })
      .max(200, 'path is at most 200 characters')
      .regex(/^\/(?!\/)[^\s?#]*$/, 'path must be a site path such as /c/coffee, without a query'),
  })
  .strict();

/** Per client address: a person reading the shop sees far fewer pages a minute than this. */
const PER_ADDRESS = { points: 120, durationSeconds: 60 };

const NOT_SHOPPER_VIEWS = /^\/(admin|api)(\/|$)/;

export async function recordPageView(req: Request, path: string): Promise<void> {
  const verdict = await rateLimit('page-views:address', PER_ADDRESS).take(requestAddressBucket(req));
  if (!verdict.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many page views from this address.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  }
  if (NOT_SHOPPER_VIEWS.test(path)) return;
  trackAnalytics({ type: 'page-view', path }, { request: req });
}
