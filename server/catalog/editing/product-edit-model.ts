import { z } from 'zod';
import { AUDIT_ENTRY_ID_PATTERN } from '../../platform/db';
import { STORE_CURRENCY } from '../../platform/money';
import type { Product, ProductRecord } from '../contract';
import { MAX_PRICE_CENTS } from '../import/catalog-row-schema';

// The part of a product marketers edit, the body of PATCH /api/admin/products/[id], and the audit entry of a change.
// Stock here is the stored count (may be read by an edit form); shoppers see it as `available`.

export type EditorActor = { id: string; email: string; name: string; groups: string[] };

export type EditableVariant = { id: string; price: number; stock: number };
/**
 * What the audit records before and after a change: every editable field, prices in minor units. The content
 * fields (name, description, images) are absent from entries written before marketers could edit them.
 */
export type EditableState = {
  published: boolean;
  featuredRank: number;
  variants: EditableVariant[];
  name?: string;
  description?: string;
  images?: string[];
};

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
    name: z.string().trim().min(1, 'A product needs a name.').max(200, 'A name is at most 200 characters.').optional(),
    description: z.string().trim().max(5000, 'A description is at most 5,000 characters.').optional(),
    /** The product's images in order: its current image paths, and keys of images uploaded for it (POST …/images). */
    images: z
      .array(z.string().min(1).max(300))
      .max(12, 'At most 12 images.')
      .refine((xs) => new Set(xs).size === xs.length, { message: 'Each image may be listed once.' })
      .optional(),
    expectedVersion: z.number().int().min(0),
  })
  .refine(
    (p) =>
      p.variants !== undefined ||
      p.published !== undefined ||
      p.featuredRank !== undefined ||
      p.name !== undefined ||
      p.description !== undefined ||
      p.images !== undefined,
    { message: 'Send at least one of variants, published, featuredRank, name, description, images.' },
  );
export type ProductPatch = z.infer<typeof productPatchSchema>;

export function editableState(r: ProductRecord): EditableState {
  return {
    published: r.published !== false,
    featuredRank: r.featuredRank,
    variants: r.variants.map((v) => ({ id: v.id, price: v.price, stock: r.stock[v.id] ?? 0 })),
    name: r.name,
    description: r.description,
    images: r.images,
  };
}

export function sameEditableState(a: EditableState, b: EditableState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sort key of an audit entry: the version after the change, zero-padded, then the time (as flags do). */
export function productAuditEntryId(version: number, at: string): string {
  return `${String(version).padStart(10, '0')}#${at}`;
}

export const PRODUCT_AUDIT_ENTRY_ID_PATTERN = AUDIT_ENTRY_ID_PATTERN;
