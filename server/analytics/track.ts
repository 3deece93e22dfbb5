import { randomUUID } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { ANON_COOKIE, getSessionUser, getSessionUserFromRequest, validAnonId } from '../identity';
import { parseCookieHeader } from '../platform/http/cookies';
import { logger, logOnce } from '../platform/observability';
import { analyticsSink, enqueueEvent, flushEvents } from './collector';
import { type AnalyticsConsent, mayCollect } from './consent';
import { type AnalyticsEvent, analyticsEventSchema, EVENT_SCHEMA_VERSION, type EventInput } from './event-schema';
import { normaliseQuery } from './normalise-query';
import { visitorIdOf } from './visitor-id';

// The one call request paths make: trackAnalytics(event, context). It returns at once and never throws. What it
// needs from the request (the GPC/DNT headers, the anonymous id cookie, the session) is read now, while the
// request is in scope; the event is built, validated and buffered after the response (Next's after()), so neither
// a slow lake nor a bad event can fail or slow the page or the API call that caused it.

export type TrackContext = {
  /** The request, when the caller has one (route handlers): its headers and cookies are read instead of next/headers'. */
  request?: Request;
  /** The verified user id, when the caller already knows it. */
  userId?: string | null;
  /** The anonymous id, when the caller already knows it (the flags domain). */
  anonId?: string | null;
  /** The shopper's analytics consent, when the caller already knows it; otherwise a signed-in shopper's is looked up. */
  consent?: AnalyticsConsent | null;
};

type Resolved = { visitorId: string; signedIn: boolean } | null;

// The signed-in shopper's own analytics choice, from the account domain (memoised there). Imported when first
// needed: the account domain reaches the cart and checkout, which reach the flags, which track exposures here, so
// a static import would close a module cycle. A failed lookup counts as "denied": when unsure, collect nothing.
async function accountConsent(userId: string): Promise<AnalyticsConsent | null> {
  try {
    const { analyticsConsentOf } = await import('../account');
    return await analyticsConsentOf(userId);
  } catch {
    return 'denied';
  }
}
const problems = logOnce('analytics-track', logger.child({ component: 'analytics' }));

async function resolve(context: TrackContext): Promise<Resolved> {
  const req = context.request;
  // Every next/headers read starts before the first await: in a server component they must run during render.
  const [requestHeaders, anonCookie, user] = await Promise.all([
    req ? req.headers : headers(),
    req ? parseCookieHeader(req.headers.get('cookie')).get(ANON_COOKIE) : cookies().then((jar) => jar.get(ANON_COOKIE)?.value),
    context.userId !== undefined ? null : req ? getSessionUserFromRequest(req) : getSessionUser(),
  ]);
  const userId = context.userId ?? user?.id ?? null;
  const consent = context.consent !== undefined ? context.consent : userId ? await accountConsent(userId) : null;
  if (!mayCollect({ consent, headers: requestHeaders })) return null;
  const visitorId = visitorIdOf({ anonId: context.anonId ?? validAnonId(anonCookie), userId });
  return visitorId ? { visitorId, signedIn: userId !== null } : null;
}

/** What callers pass: an event's own fields; a search gives its raw query and count, the rest is derived. */
export type TrackInput = Exclude<EventInput, { type: 'search' }> | { type: 'search'; query: string; resultCount: number };

/** The event's fields as the schema wants them, or null for an event not worth keeping (a blank search: browsing). */
function prepare(input: TrackInput): EventInput | null {
  if (input.type !== 'search') return input;
  const query = normaliseQuery(input.query);
  return query === null ? null : { type: 'search', query, resultCount: input.resultCount, zeroResults: input.resultCount === 0 };
}

/** The validated event for this input and request, or null when it is not to be collected. Never throws. */
export async function buildEvent(input: TrackInput, context: TrackContext): Promise<AnalyticsEvent | null> {
  return finish(
    input,
    resolve(context).catch(() => null),
  );
}

async function finish(input: TrackInput, pending: Promise<Resolved>): Promise<AnalyticsEvent | null> {
  const who = await pending;
  const fields = prepare(input);
  if (!who || !fields) return null;
  const parsed = analyticsEventSchema.safeParse({ ...fields, v: EVENT_SCHEMA_VERSION, eventId: randomUUID(), at: Date.now(), ...who });
  if (!parsed.success) {
    problems.log(`invalid:${input.type}`, 'analytics event dropped: it does not match the schema', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return null;
  }
  return parsed.data;
}

async function record(input: TrackInput, pending: Promise<Resolved>): Promise<void> {
  const event = await finish(input, pending);
  if (!event) return;
  enqueueEvent(event);
  if (analyticsSink()?.kind === 'firehose') await flushEvents();
}

export function trackAnalytics(input: TrackInput, context: TrackContext = {}): void {
  try {
    if (!analyticsSink()) return;
    const pending = resolve(context).catch(() => null);
    const work = () => record(input, pending).catch((err: unknown) => problems.log('record', 'analytics event not recorded', { err: String(err) }));
    try {
      after(work);
    } catch {
      // Outside a Next request (scripts, tests calling handlers directly): still unawaited, still never throwing.
      void work();
    }
  } catch (err) {
    problems.log('track', 'analytics tracking failed', { err: String(err) });
  }
}
