import { describe, expect, it } from 'vitest';
import { money } from '../platform/money';
import type { Product } from './contract';
import { productJsonLd } from './product-json-ld';

const product: Product = {
  id: 'p1',
  slug: 'trail-shoe',
  name: 'Trail </script><script>alert(1)</script> Shoe',
  category: 'running-shoes',
  price: money(5000),
  image: '/images/products/p1-0.png',
  rating: 4.5,
  brand: 'Acme',
  description: 'Grippy.',
  images: ['/images/products/p1-0.png'],
  reviewCount: 12,
  createdAt: '2026-01-01T00:00:00.000Z',
  variants: [
    { id: 'v1', options: { size: '9' }, price: money(5000), available: 0 },
    { id: 'v2', options: { size: '10' }, price: money(6500), available: 2 },
  ],
  version: 1,
};

describe('product JSON-LD', () => {
  const reviews = {
    summary: { average: 4.5, count: 2 },
    items: [
      { rating: 5, title: 'Grippy </script>', body: 'Great on wet rock.', author: 'Ada L.', createdAt: '2026-02-03T10:00:00.000Z' },
      { rating: 4, title: 'Good', body: 'Runs small.', author: 'Bo K.', createdAt: '2026-02-01T10:00:00.000Z' },
    ],
  };

  it('describes price range, availability, and the rating and reviews of approved reviews', () => {
    const data = JSON.parse(productJsonLd(product, 'Running shoes', reviews));
    expect(data['@type']).toBe('Product');
    expect(data.offers).toMatchObject({ lowPrice: '50.00', highPrice: '65.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' });
    expect(data.aggregateRating).toMatchObject({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2 });
    expect(data.review).toHaveLength(2);
    expect(data.review[0]).toMatchObject({ '@type': 'Review', author: { name: 'Ada L.' }, reviewRating: { ratingValue: 5 }, datePublished: '2026-02-03' });
  });

  it("says nothing about ratings without approved reviews, whatever the catalog's seeded numbers", () => {
    for (const given of [undefined, { summary: { average: 0, count: 0 }, items: [] }]) {
      const data = JSON.parse(productJsonLd(product, 'Running shoes', given));
      expect(data.aggregateRating).toBeUndefined();
      expect(data.review).toBeUndefined();
    }
  });

  it('cannot close its script tag with product or review text', () => {
    expect(productJsonLd(product, undefined, reviews)).not.toContain('</script>');
  });
});
