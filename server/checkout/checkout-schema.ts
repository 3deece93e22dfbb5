import { z } from 'zod';
import { STORE_CURRENCY } from '../platform/money';
import { COUNTRIES, COUNTRY_CODES, type CountryCode } from './regions';
import { SHIPPING_METHOD_IDS } from './shipping-methods';
import { usZipRegionIssue } from './us-zip-region';

// The POST /api/checkout body. Unknown fields are stripped (zod's default), so nothing a client adds — a price,
// a total, a discount — reaches the order.

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const shippingAddressSchema = z
  .object({
    name: text(100),
    line1: text(200),
    line2: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => (v ? v : undefined)),
    city: text(100),
    region: z.string().trim().max(100).default(''),
    postalCode: text(20),
    country: z.enum(COUNTRY_CODES as [CountryCode, ...CountryCode[]], { message: `must be one of ${COUNTRY_CODES.join(', ')}` }),
  })
  .superRefine((a, ctx) => {
    const rule = COUNTRIES[a.country];
    if (rule.regions && !(a.region.toUpperCase() in rule.regions)) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: `choose a ${rule.regionLabel.toLowerCase()}` });
    }
    const regionKnown = !rule.regions || a.region.toUpperCase() in rule.regions;
    if (!rule.postalPattern.test(a.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: `must be a ${rule.postalLabel} such as ${rule.postalExample}` });
    } else if (a.country === 'US' && regionKnown) {
      // Tax is charged by the state, so the state must be the one the ZIP code is in.
      const issue = usZipRegionIssue(a.region, a.postalCode);
      if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    }
  })
  .transform((a) => ({
    ...a,
    region: COUNTRIES[a.country].regions ? a.region.toUpperCase() : a.region,
    postalCode: a.postalCode.toUpperCase(),
  }));

/** A processor's token for the card (docs/payments.md); the card itself never reaches the shop. */
export const paymentSchema = z.strictObject({
  token: z.string().regex(/^tok_[A-Za-z0-9_]{1,100}$/, 'must be a payment token from the processor (tok_…)'),
});

export const checkoutBodySchema = z.object({
  shippingAddress: shippingAddressSchema,
  shippingMethod: z.enum(SHIPPING_METHOD_IDS, { message: `must be one of ${SHIPPING_METHOD_IDS.join(', ')}` }),
  payment: paymentSchema,
  // The total the shopper was shown (the quote's). Never what is charged — the server prices the cart itself —
  // only what it must equal: otherwise 409 CART_CHANGED with the new quote. Optional, so clients of the original
  // contract keep working; the checkout page always sends it.
  expectedTotal: z
    .object({
      amount: z.number().int('must be whole minor units').min(0).max(Number.MAX_SAFE_INTEGER),
      currency: z.literal(STORE_CURRENCY, { message: `must be ${STORE_CURRENCY}` }),
    })
    .optional(),
});

export type CheckoutBody = z.infer<typeof checkoutBodySchema>;

/** Idempotency-Key: printable ASCII without spaces, 8–200 characters (a UUID fits). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7E]{8,200}$/);
