import { money } from '../platform/money';
import type { Product, ProductRecord, ProductSummary } from './contract';

// Stored records to the storefront's own shapes; pages and routes never see DynamoDB attribute names.

export function toProductSummary(r: ProductRecord): ProductSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    category: r.category,
    price: money(r.minPrice, r.currency),
    image: r.images[0] ?? '',
    rating: r.rating,
    // Absent on records written before stats were kept: no count means no reviews, never "undefined reviews".
    reviewCount: r.reviewCount ?? 0,
  };
}

export function toProduct(r: ProductRecord): Product {
  return {
    ...toProductSummary(r),
    brand: r.brand,
    description: r.description,
    images: r.images,
    ...(r.imagesByColour && Object.keys(r.imagesByColour).length > 0 ? { imagesByColour: r.imagesByColour } : {}),
    createdAt: r.createdAt,
    variants: r.variants.map((v) => ({
      id: v.id,
      options: v.options,
      price: money(v.price, r.currency),
      available: Math.max(0, r.stock[v.id] ?? 0),
    })),
    version: r.version ?? 0,
  };
}

/** Unpublished products are kept (orders and restocks still find them) but never shown or sold. */
export function isPublished(r: Pick<ProductRecord, 'published'>): boolean {
  return r.published !== false;
}

export function isInStock(r: ProductRecord): boolean {
  return r.variants.some((v) => (r.stock[v.id] ?? 0) > 0);
}
