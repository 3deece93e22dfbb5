import { siteUrl } from '../platform/site';
import type { Product } from './contract';

/** What JSON-LD may say about reviews: approved reviews only (server/reviews), never a seeded number. */
export type JsonLdReviews = {
  summary: { average: number; count: number };
  items: { rating: number; title: string; body: string; author: string; createdAt: string }[];
};

/**
 * schema.org Product with an AggregateOffer, serialised safely for an inline <script>. `AggregateRating` and
 * `Review` come only from approved reviews and are left out when there are none (rich-result rules forbid a rating
 * with no reviews behind it).
 */
export function productJsonLd(product: Product, categoryName?: string, reviews?: JsonLdReviews): string {
  const prices = product.variants.map((v) => v.price.amount);
  const inStock = product.variants.some((v) => v.available > 0);
  const reviewed = reviews && reviews.summary.count > 0 ? reviews : undefined;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    image: product.images.map((p) => siteUrl(p)),
    sku: product.id,
    brand: { '@type': 'Brand', name: product.brand },
    category: categoryName,
    url: siteUrl(`/p/${product.slug}`),
    aggregateRating: reviewed
      ? { '@type': 'AggregateRating', ratingValue: reviewed.summary.average, reviewCount: reviewed.summary.count, bestRating: 5, worstRating: 1 }
      : undefined,
    review: reviewed?.items.map((r) => ({
      '@type': 'Review',
      name: r.title,
      reviewBody: r.body,
      datePublished: r.createdAt.slice(0, 10),
      author: { '@type': 'Person', name: r.author },
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    })),
    offers: {
      '@type': 'AggregateOffer',
      priceCurrency: product.price.currency,
      lowPrice: (Math.min(...prices) / 100).toFixed(2),
      highPrice: (Math.max(...prices) / 100).toFixed(2),
      offerCount: product.variants.length,
      availability: inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
