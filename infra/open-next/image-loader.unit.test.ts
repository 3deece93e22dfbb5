import { describe, expect, it } from 'vitest';
import { uploadKeyOf } from './image-loader';

// The AWS image optimiser's loader reads /images/uploads/<key> from the product images bucket and nothing else.
describe('uploadKeyOf', () => {
  it('takes the bucket key from an uploads path, without the query', () => {
    expect(uploadKeyOf('/images/uploads/products/p-1/0b7d6c1e-1111-4222-8333-944455556666')).toBe('products/p-1/0b7d6c1e-1111-4222-8333-944455556666');
    expect(uploadKeyOf('/images/uploads/products/p-1/abc?w=640')).toBe('products/p-1/abc');
  });

  it('leaves every other path to the assets loader, and refuses a key that climbs out', () => {
    expect(uploadKeyOf('/images/products/mug.svg')).toBeNull();
    expect(uploadKeyOf('/_next/static/media/logo.png')).toBeNull();
    expect(uploadKeyOf('/images/uploads/')).toBeNull();
    expect(uploadKeyOf('/images/uploads/products/../secrets')).toBeNull();
    expect(uploadKeyOf('/images/uploads/products/%2e%2e/secrets')).toBeNull();
    expect(uploadKeyOf('/images/uploads/products//x')).toBeNull();
  });
});
