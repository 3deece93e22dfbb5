import { z } from 'zod';
import { STORE_CURRENCY } from '../../money';
import { MAX_PRICE_CENTS } from '../import/catalog-row-schema';
import type { Product, ProductRecord } from '../types';

// The part of a product marketers edit, the body of PATCH /api/admin/products/[id], and the audit entry of a change.
// Stock here is the stored count (may be read by an edit form); shoppers see it as `available`.

export type EditorActor = { id: string; email: string; name: string; groups: string[] };

export type EditableVariant = { id: string; price: number; stock: number };
/** What the audit records before and after a change: every editable field, prices in minor units. */
export type EditableState = { published: boolean; featuredRank: number; variants: EditableVariant[] };

/** A product as the admin page sees it: the shopper's shape plus the fields only marketers change. */
export type AdminProduct = Product & { published: boolean; featuredRank: number };

export type ProductAuditEntry = {
  productId: string;
  entryId: string;
  version: number;
  at: string;
  by: string;
  byId: string;
  before: EditableState;
  after: EditableState;
};

const moneySchema = z.strictObject({
  amount: z.number().int('must be whole cents (an integer)').positive('must be more than 0').max(MAX_PRICE_CENTS),
  currency: z.literal(STORE_CURRENCY, { message: `must be ${STORE_CURRENCY}` }),
});

const stockSchema = z.number().int('must be a whole number of units').min(0, 'may not be negative').max(1_000_000);

const variantEditSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    price: moneySchema.optional(),
    stock: stockSchema.optional(),
    /** The count the marketer saw: set only if it is still that (no sale in between). See docs/merchandising.md. */
    expectedStock: stockSchema.optional(),
  })
  .refine((v) => v.price !== undefined || v.stock !== undefined, { message: 'Send a price or a stock for each variant listed.' })
  .refine((v) => v.expectedStock === undefined || v.stock !== undefined, { message: 'expectedStock goes with stock.', path: ['expectedStock'] });

export const productPatchSchema = z
  .strictObject({
    variants: z
      .array(variantEditSchema)
      .min(1)
      .max(100)
      .refine((vs) => new Set(vs.map((v) => v.id)).size === vs.length, { message: 'Each variant may be listed once.' })
      .optional(),
    published: z.boolean().optional(),
    featuredRank: z.number().int().min(0).max(1_000_000_000).optional(),
    expectedVersion: z.number().int().min(0),
  })
  .refine((p) => p.variants !== undefined || p.published !== undefined || p.featuredRank !== undefined, {
    message: 'Send at least one of variants, published, featuredRank.',
  });
export type ProductPatch = z.infer<typeof productPatchSchema>;

export function editableState(r: ProductRecord): EditableState {
  return {
    published: r.published !== false,
    featuredRank: r.featuredRank,
    variants: r.variants.map((v) => ({ id: v.id, price: v.price, stock: r.stock[v.id] ?? 0 })),
  };
}

export function sameEditableState(a: EditableState, b: EditableState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sort key of an audit entry: the version after the change, zero-padded, then the time (as flags do). */
export function productAuditEntryId(version: number, at: string): string {
  return `${String(version).padStart(10, '0')}#${at}`;
}

export const PRODUCT_AUDIT_ENTRY_ID_PATTERN = /^\d{10}#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
