import 'server-only';
import { type AdminProduct, type EditorActor, editProduct, getAdminProduct, type ProductPatch, productPatchSchema } from '@/server/catalog';
import { type AppError, isAppError } from '@/server/platform/errors';
import { formatMoney, money } from '@/server/platform/money';

// The /admin/products/[id] form's state (issue 24: form state lives next to its page, the domain keeps the rules):
// the form as a server action (it works before the page hydrates, or without script): the
// first submit ("Review changes") validates and lists what will change, the second ("Save changes") writes it
// through editProduct with the version and stock counts the form was rendered with. The confirmation is the
// server-rendered review step, so it needs no script either.

export type FormProblem = { fieldId?: string; message: string };

/** One variant's inputs, named here so the form and this parser cannot disagree. */
export type VariantFields = { id: string; label: string; price: string; stock: string; seenPrice: string; seenStock: string };

export type ProductFormState = {
  step: 'edit' | 'review' | 'saved';
  product: AdminProduct;
  variantFields: VariantFields[];
  /** The typed values, by input name, so a refused or reviewed form comes back as it was typed. */
  values: Record<string, string>;
  problems: FormProblem[];
  /** The review step's lines ("Price of M: $20.00 → $15.00"). */
  changes: string[];
  message: string | null;
};

const fieldName = {
  price: (variantId: string) => `price:${variantId}`,
  stock: (variantId: string) => `stock:${variantId}`,
  seenStock: (variantId: string) => `seenStock:${variantId}`,
  seenPrice: (variantId: string) => `seenPrice:${variantId}`,
};

/** The inputs' values for a product as stored: prices in dollars, as the form shows them. */
export function formValues(p: AdminProduct): Record<string, string> {
  const values: Record<string, string> = {
    id: p.id,
    expectedVersion: String(p.version),
    published: p.published ? 'yes' : 'no',
    featuredRank: String(p.featuredRank),
    seenPublished: p.published ? 'yes' : 'no',
    seenFeaturedRank: String(p.featuredRank),
  };
  for (const v of p.variants) {
    values[fieldName.price(v.id)] = (v.price.amount / 100).toFixed(2);
    values[fieldName.seenPrice(v.id)] = String(v.price.amount);
    values[fieldName.stock(v.id)] = String(v.available);
    values[fieldName.seenStock(v.id)] = String(v.available);
  }
  return values;
}

function variantFields(p: AdminProduct): VariantFields[] {
  return p.variants.map((v) => ({
    id: v.id,
    label: variantLabel(p, v.id),
    price: fieldName.price(v.id),
    stock: fieldName.stock(v.id),
    seenPrice: fieldName.seenPrice(v.id),
    seenStock: fieldName.seenStock(v.id),
  }));
}

export function initialFormState(p: AdminProduct): ProductFormState {
  return { step: 'edit', product: p, variantFields: variantFields(p), values: formValues(p), problems: [], changes: [], message: null };
}

/** "12.5" → 1250; null unless a positive amount with at most two decimals (read as integers, never a float). */
function dollarsToCents(text: string): number | null {
  const match = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,10}\s*$/.test(text) ? Number(text) : null;
}

function variantLabel(p: AdminProduct, id: string): string {
  const v = p.variants.find((x) => x.id === id);
  const options = v ? Object.values(v.options).join(' / ') : '';
  return options || id;
}

/** The patch the typed values mean against what the form was rendered with, or the problems to show. */
function readForm(values: Record<string, string>, p: AdminProduct): { patch: ProductPatch; changes: string[] } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const changes: string[] = [];
  const variants: NonNullable<ProductPatch['variants']> = [];
  for (const v of p.variants) {
    const label = variantLabel(p, v.id);
    const edit: NonNullable<ProductPatch['variants']>[number] = { id: v.id };
    const seenPrice = Number(values[fieldName.seenPrice(v.id)] ?? v.price.amount);
    const cents = dollarsToCents(values[fieldName.price(v.id)] ?? '');
    if (cents === null) problems.push({ fieldId: fieldName.price(v.id), message: `Price of ${label}: enter dollars and cents, such as 19.99.` });
    else if (cents !== seenPrice) {
      edit.price = money(cents);
      changes.push(`Price of ${label}: ${formatMoney(money(seenPrice))} → ${formatMoney(money(cents))}`);
    }
    const seenStock = Number(values[fieldName.seenStock(v.id)] ?? v.available);
    const stock = wholeNumber(values[fieldName.stock(v.id)] ?? '');
    if (stock === null || stock > 1_000_000)
      problems.push({ fieldId: fieldName.stock(v.id), message: `Stock of ${label}: enter a whole number of units, 0 or more.` });
    else if (stock !== seenStock) {
      edit.stock = stock;
      edit.expectedStock = seenStock;
      changes.push(`Stock of ${label}: ${seenStock} → ${stock} (only if it is still ${seenStock} when you save)`);
    }
    if (edit.price !== undefined || edit.stock !== undefined) variants.push(edit);
  }
  const rank = wholeNumber(values.featuredRank ?? '');
  if (rank === null || rank > 1_000_000_000)
    problems.push({ fieldId: 'featuredRank', message: 'Featured rank: enter a whole number, 0 or more (lower shows first).' });
  const patch: ProductPatch = { expectedVersion: Number(values.expectedVersion ?? p.version) };
  if (variants.length > 0) patch.variants = variants;
  if (rank !== null && String(rank) !== values.seenFeaturedRank) {
    patch.featuredRank = rank;
    changes.push(`Featured rank: ${values.seenFeaturedRank} → ${rank}`);
  }
  if (values.published !== values.seenPublished) {
    patch.published = values.published === 'yes';
    changes.push(patch.published ? 'Publish: shoppers can find and buy it again' : 'Unpublish: hidden from listings, search, its page and carts');
  }
  if (problems.length > 0) return { problems };
  if (changes.length === 0) return { problems: [{ message: 'Nothing has changed yet: edit a price, a stock count, the featured rank or publication first.' }] };
  const checked = productPatchSchema.safeParse(patch);
  if (!checked.success) return { problems: checked.error.issues.map((i) => ({ message: i.message })) };
  return { patch: checked.data, changes };
}

function conflictProduct(err: AppError): AdminProduct | null {
  const current = (err.details as { current?: AdminProduct } | undefined)?.current;
  return current && typeof current === 'object' && 'version' in current ? current : null;
}

/** One submit of the form. Never throws for the marketer's input: every refusal comes back as problems to show. */
export async function submitProductForm(actor: EditorActor, form: FormData): Promise<ProductFormState> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
  const product = await getAdminProduct(actor, values.id ?? '');
  const intent = values.intent;
  const base = { product, variantFields: variantFields(product), values, problems: [], changes: [], message: null };
  if (intent === 'back') return { ...base, step: 'edit' };
  const read = readForm(values, product);
  if ('problems' in read) return { ...base, step: 'edit', problems: read.problems };
  if (intent !== 'save') return { ...base, step: 'review', changes: read.changes };
  try {
    const saved = await editProduct(actor, product.id, read.patch);
    return { ...initialFormState(saved), step: 'saved', message: `Saved version ${saved.version}. Shoppers see it within 10 seconds.` };
  } catch (err) {
    if (!isAppError(err) || err.status >= 500) throw err;
    const current = conflictProduct(err) ?? product;
    // A conflict brings the current values in, so the marketer sees what changed before deciding again.
    const refreshed = err.code === 'VERSION_CONFLICT' || err.code === 'STOCK_CHANGED';
    return {
      ...initialFormState(refreshed ? current : product),
      values: refreshed ? formValues(current) : values,
      problems: [{ message: refreshed ? `${err.message} The form now shows the current values.` : err.message }],
    };
  }
}
