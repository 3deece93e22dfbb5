import { z } from 'zod';
import { carriesContactDetails } from './contact-details';
import { decodedPath } from './page-routes';

// The one analytics event schema (docs/analytics.md). Version 1. Every event is a strict object: a field the
// schema does not name is an error, so an email, a name or an address cannot ride along by accident, and every
// free-text field is checked for what looks like an email address or a long run of digits (a phone or card number
// typed into the search box). A visitor is a pseudonymous id (a hash, never the cookie itself or a user id).
// Change a field's meaning only with a new `v`: events already in the lake keep the old one.

export const EVENT_SCHEMA_VERSION = 1 as const;

/** A free-text value that carries no contact details. */
const safeText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !carriesContactDetails(s), 'must not contain an email address, a phone or a card number');

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_:#.-]+$/);

const base = {
  v: z.literal(EVENT_SCHEMA_VERSION),
  eventId: z.uuid(),
  /** Milliseconds since the epoch, UTC. */
  at: z.number().int().positive(),
  /** Pseudonymous visitor id (visitor-id.ts). */
  visitorId: z.string().regex(/^v_[A-Za-z0-9_-]{22}$/),
  signedIn: z.boolean(),
};

// A path is checked as the browser shows it, percent-decoded: `/p/me%40example.com` is an email (issue 30 L7).
const pageView = z.strictObject({
  ...base,
  type: z.literal('page-view'),
  path: safeText(200)
    .regex(/^\//)
    .refine((path) => {
      const decoded = decodedPath(path);
      return decoded !== null && !carriesContactDetails(decoded);
    }, 'must be a well-formed path without an email address, a phone or a card number'),
});
const productView = z.strictObject({ ...base, type: z.literal('product-view'), productId: id });
const search = z.strictObject({
  ...base,
  type: z.literal('search'),
  /** Normalised: trimmed, lower case, inner spaces collapsed (normalise-query.ts). */
  query: safeText(100),
  resultCount: z.number().int().min(0),
  zeroResults: z.boolean(),
});
const addToCart = z.strictObject({ ...base, type: z.literal('add-to-cart'), productId: id, quantity: z.number().int().min(1).max(999) });
const checkoutStarted = z.strictObject({ ...base, type: z.literal('checkout-started'), itemCount: z.number().int().min(0) });
const orderPlaced = z.strictObject({
  ...base,
  type: z.literal('order-placed'),
  orderId: id,
  /** The order total in minor units of `currency`. */
  valueMinor: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  itemCount: z.number().int().min(1),
});
const flagExposure = z.strictObject({
  ...base,
  type: z.literal('flag-exposure'),
  flagKey: id,
  /** What the shopper saw: the flag on (the treatment) or off (the control). */
  variant: z.enum(['on', 'off']),
  /** The rollout bucket, 0–9999 (server/flags/bucket.ts). */
  bucket: z.number().int().min(0).max(9_999),
  rolloutPercent: z.number().min(0).max(100),
});

/** A real-user Core Web Vital (web-vitals in the browser): milliseconds, or unitless for CLS; the page template only. */
export const WEB_VITAL_METRICS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
const webVital = z.strictObject({
  ...base,
  type: z.literal('web-vital'),
  metric: z.enum(WEB_VITAL_METRICS),
  value: z.number().min(0).max(600_000),
  template: z
    .string()
    .min(1)
    .max(40)
    .regex(/^(\/[a-z0-9/[\]-]*|other)$/),
});

export const analyticsEventSchema = z.discriminatedUnion('type', [
  pageView,
  productView,
  search,
  addToCart,
  checkoutStarted,
  orderPlaced,
  flagExposure,
  webVital,
]);

export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

type Base = keyof typeof base;
/** What a caller says about an event: the schema's fields less the ones the collector fills in. */
export type EventInput = AnalyticsEvent extends infer E ? (E extends AnalyticsEvent ? Omit<E, Base> : never) : never;
