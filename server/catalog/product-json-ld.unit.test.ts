import { describe, expect, it } from 'vitest';
import { money } from '../money';
import { productJsonLd } from './product-json-ld';
import type { Product } from './types';

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
  it('describes price range, availability and rating', () => {
    const data = JSON.parse(productJsonLd(product, 'Running shoes'));
    expect(data['@type']).toBe('Product');
    expect(data.offers).toMatchObject({ lowPrice: '50.00', highPrice: '65.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' });
    expect(data.aggregateRating).toMatchObject({ ratingValue: 4.5, reviewCount: 12 });
  });

  it('cannot close its script tag with product text', () => {
    expect(productJsonLd(product)).not.toContain('</script>');
  });
});
