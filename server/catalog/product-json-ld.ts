import { siteUrl } from '../site/site-url';
import type { Product } from './types';

/** schema.org Product with an AggregateOffer, serialised safely for an inline <script>. */
export function productJsonLd(product: Product, categoryName?: string): string {
  const prices = product.variants.map((v) => v.price.amount);
  const inStock = product.variants.some((v) => v.available > 0);
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
    aggregateRating: product.reviewCount > 0 ? { '@type': 'AggregateRating', ratingValue: product.rating, reviewCount: product.reviewCount } : undefined,
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
