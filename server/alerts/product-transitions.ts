import type { ProductRecord } from '../catalog';

// What a product change means for alerts. Pure, so the rules are unit-tested: a restock is a variant going from
// none (0, negative or missing) to some; a price drop is the lowest price falling.

type Images = { oldImage: Pick<ProductRecord, 'stock' | 'minPrice'> | null; newImage: Pick<ProductRecord, 'stock' | 'minPrice' | 'variants'> | null };

export function restockedVariants({ oldImage, newImage }: Images): string[] {
  if (!oldImage || !newImage) return [];
  return newImage.variants.map((v) => v.id).filter((id) => (oldImage.stock[id] ?? 0) <= 0 && (newImage.stock[id] ?? 0) > 0);
}

export function priceFell({ oldImage, newImage }: Images): boolean {
  return !!oldImage && !!newImage && newImage.minPrice < oldImage.minPrice;
}
