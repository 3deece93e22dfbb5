import 'server-only';
import { AppError } from '../errors';
import { cachedCategories, cachedProductBySlug, cachedProductPage, cachedProductSlugs } from './cached-catalog';
import { validateListingCursor } from './product-repository';
import type { Category, Product, ProductSort, ProductSummary } from './types';

export { isInStock, isPublished, toProductSummary } from './map-product';
export { getProductRecords } from './product-repository';
// server/reviews sets a product's rating from its approved reviews.
export { setProductReviewStats } from './review-stats';
export { categorySlugSchema, productSlugSchema } from './slug';
// Public entry of the catalog domain.
export type { Category, Product, ProductRecord, ProductSort, ProductSummary } from './types';
export { PRODUCT_SORTS } from './types';

export async function listCategories(): Promise<Category[]> {
  return cachedCategories();
}

export async function getCategory(slug: string): Promise<Category | null> {
  return (await cachedCategories()).find((c) => c.slug === slug) ?? null;
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
  editProduct,
  getAdminProduct,
  initialFormState,
  type ProductAuditEntry,
  type ProductFormState,
  type ProductRouteContext,
  productHistory,
  productHistoryQuerySchema,
  productIdParam,
  productPatchSchema,
  requireProductEditor,
  searchAdminProducts,
  submitProductForm,
} from './editing';
