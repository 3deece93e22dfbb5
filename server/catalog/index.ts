import 'server-only';
import { AppError } from '../platform/errors';
import { cachedCategories, cachedProductBySlug, cachedProductDetailsPage, cachedProductPage, cachedProductSlugs } from './cached-catalog';
import type { Category, Product, ProductSort, ProductSummary } from './contract';
import { scanCategories, validateListingCursor } from './product-repository';

// Public entry of the catalog domain.
export type { Category, Product, ProductRecord, ProductSort, ProductSummary } from './contract';
export { categorySlugSchema, PRODUCT_SORTS, productSlugSchema } from './contract';
export { isInStock, isPublished, toProductSummary } from './map-product';
export { getCheckoutRecords, getProductRecords, recountCategories } from './product-repository';
// server/reviews sets a product's rating from its approved reviews.
export { setProductReviewStats } from './review-stats';
export { copyStockToProducts } from './stock-copy';

export async function listCategories(): Promise<Category[]> {
  return cachedCategories();
}

export async function getCategory(slug: string): Promise<Category | null> {
  return (await cachedCategories()).find((c) => c.slug === slug) ?? null;
}

/** Every category the shop has, products in it or not (a promotion may be set up before its products), by name. */
export async function categoryChoices(): Promise<{ slug: string; name: string }[]> {
  return (await scanCategories()).map((c) => ({ slug: c.slug, name: c.name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Refuses category slugs the shop has no category for (promotions' categories, a campaign segment's category): a 400
 * VALIDATION_FAILED naming them, with `field` as the detail's path so a form shows it beside its input.
 */
export async function assertCategoriesExist(slugs: readonly string[], field: string): Promise<void> {
  const known = new Set((await scanCategories()).map((c) => c.slug));
  const unknown = [...new Set(slugs)].filter((s) => !known.has(s));
  if (unknown.length === 0) return;
  const names = unknown.map((s) => `"${s}"`).join(', ');
  const message = `${unknown.length === 1 ? 'there is no category' : 'there are no categories'} ${names}: choose from the shop's categories`;
  throw new AppError('VALIDATION_FAILED', `${field}: ${message}.`, { details: [{ path: field, message }] });
}

export async function listProducts(params: {
  category?: string;
  sort: ProductSort;
  limit: number;
  cursor?: string;
}): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  if (params.category !== undefined && !(await getCategory(params.category))) {
    throw new AppError('NOT_FOUND', `There is no category "${params.category}".`);
  }
  if (params.cursor) validateListingCursor({ ...params, cursor: params.cursor });
  return cachedProductPage(params.category, params.sort, params.limit, params.cursor);
}

/**
 * Every published product, whole (variants, stock, brand, description), newest first, page by page through the
 * listAll index (no Scan): the product feed. Cursors are those of GET /api/products?sort=newest.
 */
export async function listProductDetails(params: { limit: number; cursor?: string }): Promise<{ items: Product[]; nextCursor: string | null }> {
  if (params.cursor) validateListingCursor({ sort: 'newest', cursor: params.cursor });
  return cachedProductDetailsPage(params.limit, params.cursor);
}

export async function getProductBySlug(slug: string): Promise<Product | null> {
  return cachedProductBySlug(slug);
}

export async function listProductSlugs(): Promise<{ slug: string; createdAt: string }[]> {
  return cachedProductSlugs();
}

// Marketers' product editing (server/catalog/editing).
export {
  type AdminProduct,
  type AdminProductRow,
  adminProductQuerySchema,
  type EditableState,
  type EditorActor,
  editProduct,
  getAdminProduct,
  type ProductAuditEntry,
  type ProductPatch,
  type ProductRouteContext,
  productHistory,
  productHistoryQuerySchema,
  productIdParam,
  productPatchSchema,
  requireProductEditor,
  searchAdminProducts,
  startProductImageUpload,
} from './editing';
// Product artwork drawn from its file name (app/images/products/[file]), and what the gallery paints while it loads.
export { productImagePng } from './images';
export { imagePlaceholder } from './images/image-placeholder';
// Marketers' uploaded images, served from the bucket (app/images/uploads/[...key]).
export { readUploadedImage } from './images/uploads';
// Machine-readable pages: JSON-LD for product pages, the sitemap's XML.
export { productJsonLd } from './product-json-ld';
export { sitemapIndexXml, sitemapPageXml } from './sitemap-xml';
export { variantImage } from './variant-image';
