import { AppError } from '../../platform/errors';
import type { ProductRecord } from '../contract';
import { assertUsableUploadedImage, isUploadedImageKey, uploadedImagePath } from '../images/uploads';
import { toProduct } from '../map-product';
import {
  type AdminProduct,
  type EditableState,
  type EditorActor,
  editableState,
  type ProductPatch,
  productAuditEntryId,
  sameEditableState,
} from './product-edit-model';
import { type ProductWrite, readProductRecord, writeProductChange } from './product-edit-store';
import { assertProductEditor } from './product-editors';

// PATCH /api/admin/products/[id]: a marketer changes prices, stock, publication or featured rank. Optimistic locking
// by `version` (a stale form is a 409 carrying the current product, never a silent overwrite), and stock edits
// conditioned on the count they replace, so an edit and a checkout never both act on the same units
// (docs/merchandising.md, "Set stock and concurrent sales").

// A checkout holding the item (TransactionConflict) or, for a stock set without expectedStock, a sale landing
// between the read and the write: re-read and try again, a few times.
const MAX_ATTEMPTS = 4;

export function toAdminProduct(r: ProductRecord): AdminProduct {
  return { ...toProduct(r), published: r.published !== false, featuredRank: r.featuredRank };
}

function versionConflict(current: ProductRecord): AppError {
  const version = current.version ?? 0;
  return new AppError('VERSION_CONFLICT', `Someone else changed "${current.name}" (now version ${version}). Review the current values and try again.`, {
    details: { currentVersion: version, current: toAdminProduct(current) },
  });
}

function stockChanged(current: ProductRecord, variantId: string, expected: number): AppError {
  const now = current.stock[variantId] ?? 0;
  return new AppError(
    'STOCK_CHANGED',
    `The stock of ${current.name} (${variantId}) changed from ${expected} to ${now} while you were editing, probably a sale. Check the new count and set it again.`,
    { details: { variantId, expectedStock: expected, currentStock: now, current: toAdminProduct(current) } },
  );
}

/** The write a patch means against the record as read now, or the AppError it deserves. */
function planChange(
  current: ProductRecord,
  patch: ProductPatch,
  images: string[] | undefined,
): { next: EditableState; write: ProductWrite['set']; stockSeen: Record<string, number | null> } {
  const known = new Set(current.variants.map((v) => v.id));
  const unknown = (patch.variants ?? []).map((v, i) => ({ v, i })).filter(({ v }) => !known.has(v.id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${current.name} has no variant ${unknown.map(({ v }) => `"${v.id}"`).join(', ')}.`, {
      details: unknown.map(({ i }) => ({ path: `variants.${i}.id`, message: 'is not a variant of this product' })),
    });
  }
  const edits = new Map((patch.variants ?? []).map((v) => [v.id, v]));
  const set: ProductWrite['set'] = {};
  const stockSeen: Record<string, number | null> = {};
  const priced = current.variants.map((v) => ({ ...v, price: edits.get(v.id)?.price?.amount ?? v.price }));
  if (priced.some((v, i) => v.price !== current.variants[i]?.price)) {
    set.variants = priced;
    set.minPrice = Math.min(...priced.map((v) => v.price));
  }
  for (const [variantId, edit] of edits) {
    if (edit.stock === undefined) continue;
    const stored = current.stock[variantId];
    if (edit.expectedStock !== undefined && (stored ?? 0) !== edit.expectedStock) throw stockChanged(current, variantId, edit.expectedStock);
    if (stored === edit.stock) continue;
    set.stock = { ...set.stock, [variantId]: edit.stock };
    stockSeen[variantId] = stored ?? null;
  }
  if (patch.published !== undefined && patch.published !== (current.published !== false)) set.published = patch.published;
  if (patch.featuredRank !== undefined && patch.featuredRank !== current.featuredRank) set.featuredRank = patch.featuredRank;
  if (patch.name !== undefined && patch.name !== current.name) set.name = patch.name;
  if (patch.description !== undefined && patch.description !== current.description) set.description = patch.description;
  if (images !== undefined && JSON.stringify(images) !== JSON.stringify(current.images)) set.images = images;
  const next = editableState({
    ...current,
    name: set.name ?? current.name,
    description: set.description ?? current.description,
    images: set.images ?? current.images,
    variants: set.variants ?? current.variants,
    stock: { ...current.stock, ...set.stock },
    published: set.published ?? current.published,
    featuredRank: set.featuredRank ?? current.featuredRank,
  });
  return { next, write: set, stockSeen };
}

/**
 * The image paths a patch's `images` mean: a path the product shows now stays; a key of an image uploaded for this
 * product becomes its served path once its bytes pass the checks; anything else is a 400 naming the entry.
 */
async function resolveImages(current: ProductRecord, images: string[] | undefined): Promise<string[] | undefined> {
  if (images === undefined) return undefined;
  const kept = new Set(current.images);
  const out: string[] = [];
  for (const [i, entry] of images.entries()) {
    if (kept.has(entry)) out.push(entry);
    else if (isUploadedImageKey(entry, current.id)) {
      if (!kept.has(uploadedImagePath(entry))) await assertUsableUploadedImage(entry);
      out.push(uploadedImagePath(entry));
    } else {
      throw new AppError('VALIDATION_FAILED', `"${entry}" is neither an image of ${current.name} nor one uploaded for it.`, {
        details: [{ path: `images.${i}`, message: 'is not an image of this product or an upload for it' }],
      });
    }
  }
  if (new Set(out).size !== out.length)
    throw new AppError('VALIDATION_FAILED', 'Each image may be listed once.', { details: [{ path: 'images', message: 'lists an image twice' }] });
  return out;
}

export async function editProduct(actor: EditorActor, id: string, patch: ProductPatch, now: () => Date = () => new Date()): Promise<AdminProduct> {
  assertProductEditor(actor);
  for (let attempt = 1; ; attempt++) {
    const current = await readProductRecord(id);
    if (!current) throw new AppError('NOT_FOUND', `There is no product "${id}".`);
    const version = current.version ?? 0;
    if (version !== patch.expectedVersion) throw versionConflict(current);
    const before = editableState(current);
    const images = await resolveImages(current, patch.images);
    const { next, write, stockSeen } = planChange(current, patch, images);
    // Saving what is already there writes nothing and records nothing.
    if (sameEditableState(before, next)) return toAdminProduct(current);

    const at = now().toISOString();
    const outcome = await writeProductChange({
      id,
      fromVersion: version,
      ledger: current.stockLedger === true,
      set: write,
      stockSeen,
      audit: {
        productId: id,
        entryId: productAuditEntryId(version + 1, at),
        version: version + 1,
        at,
        by: actor.email || actor.name || actor.id,
        byId: actor.id,
        before,
        after: next,
      },
    });
    if (outcome === 'written') {
      const written = await readProductRecord(id);
      if (written) return toAdminProduct(written);
      throw new AppError('NOT_FOUND', `There is no product "${id}".`);
    }
    // Lost: another edit or an import (version moved), a sale (stock moved), or a transaction holding the item.
    const latest = await readProductRecord(id);
    if (!latest) throw new AppError('NOT_FOUND', `There is no product "${id}".`);
    if ((latest.version ?? 0) !== patch.expectedVersion) throw versionConflict(latest);
    for (const v of patch.variants ?? []) {
      if (v.expectedStock !== undefined && (latest.stock[v.id] ?? 0) !== v.expectedStock) throw stockChanged(latest, v.id, v.expectedStock);
    }
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', 'The product is being changed right now (sales in progress). Please try again.');
  }
}
