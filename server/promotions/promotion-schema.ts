import { z } from 'zod';
import { STORE_CURRENCY } from '../platform/money';
import { PROMOTION_KINDS, type PromotionSettings } from './contract';

// What a marketer may send (POST / PATCH /api/admin/promotions) and what DynamoDB items must look like to be read.
// Cross-field rules (a percent is 1–100, the end after the start, …) report the field they concern, so the admin
// form can put each message beside its input.

/** Upper case letters, digits, `-` and `_`; 2–32 characters. Shoppers may type it in any case. */
export const promotionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'A code is 2–32 letters, digits, - or _.');

const moneySchema = z.object({
  amount: z.number().int('must be whole cents').min(1, 'must be at least 1 cent').max(100_000_000),
  currency: z.literal(STORE_CURRENCY, { message: `must be ${STORE_CURRENCY}` }),
});

const instant = z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-12-24T00:00:00Z' });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a slug such as coffee');

const settingsShape = {
  description: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  kind: z.enum(PROMOTION_KINDS, { message: `must be one of ${PROMOTION_KINDS.join(', ')}` }),
  value: z.number().int('must be a whole number').min(0).max(100_000_000),
  minSubtotal: moneySchema.nullable(),
  startsAt: instant.nullable(),
  endsAt: instant.nullable(),
  usageLimit: z.number().int('must be a whole number').min(1, 'must be at least 1 (or empty for no limit)').max(10_000_000).nullable(),
  perCustomerLimit: z.number().int('must be a whole number').min(1, 'must be at least 1 (or empty for no limit)').max(1000).nullable(),
  categories: z.array(slug).min(1, 'name at least one category, or none for every line').max(20).nullable(),
  active: z.boolean(),
  automatic: z.boolean(),
  shippingMethods: z.array(slug).min(1, 'name at least one method, or none for every method').max(10).nullable(),
};

/** The rules between fields, on a complete set of settings (a PATCH is merged onto the stored promotion first). */
export function checkSettings(s: PromotionSettings, ctx: z.RefinementCtx): void {
  const issue = (path: keyof PromotionSettings, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (s.kind === 'percent' && (s.value < 1 || s.value > 100)) issue('value', 'a percentage must be 1–100');
  if (s.kind === 'amount' && s.value < 1) issue('value', 'an amount off must be at least 1 cent');
  if (s.kind === 'free-shipping' && s.value !== 0) issue('value', 'free shipping has no value: send 0');
  if (s.kind !== 'free-shipping' && s.shippingMethods !== null) issue('shippingMethods', 'only free shipping names shipping methods');
  if (s.startsAt && s.endsAt && Date.parse(s.endsAt) <= Date.parse(s.startsAt)) issue('endsAt', 'must be after the start');
  if (s.automatic && s.perCustomerLimit !== null) issue('perCustomerLimit', 'an automatic promotion has no per-customer limit');
  if (s.usageLimit !== null && s.perCustomerLimit !== null && s.perCustomerLimit > s.usageLimit) {
    issue('perCustomerLimit', 'cannot be more than the usage limit');
  }
}

const settingsSchema = z.object(settingsShape);

export const createPromotionSchema = z
  .object({
    code: promotionCodeSchema,
    ...settingsShape,
    minSubtotal: settingsShape.minSubtotal.default(null),
    startsAt: settingsShape.startsAt.default(null),
    endsAt: settingsShape.endsAt.default(null),
    usageLimit: settingsShape.usageLimit.default(null),
    perCustomerLimit: settingsShape.perCustomerLimit.default(null),
    categories: settingsShape.categories.default(null),
    active: settingsShape.active.default(true),
    automatic: settingsShape.automatic.default(false),
    shippingMethods: settingsShape.shippingMethods.default(null),
  })
  .strict()
  .superRefine(checkSettings);
export type CreatePromotionInput = z.infer<typeof createPromotionSchema>;

export const promotionPatchSchema = settingsSchema
  .partial()
  .extend({ expectedVersion: z.number().int().min(1) })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'expectedVersion'), { message: 'Send at least one field to change.' });
export type PromotionPatch = z.infer<typeof promotionPatchSchema>;

/** A PATCH merged onto the stored settings, checked as a whole. */
export const mergedSettingsSchema = settingsSchema.superRefine(checkSettings);

export const promotionItemSchema = settingsSchema.extend({
  code: z.string(),
  redemptions: z.number().int(),
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
