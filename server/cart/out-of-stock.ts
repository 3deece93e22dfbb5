import { AppError } from '../platform/errors';

/** One line that cannot be had in the quantity asked; the 409 OUT_OF_STOCK body lists these as `details.lines`. */
export type ShortLine = { productId: string; variantId: string; name?: string; requested: number; available: number };

export function outOfStockError(lines: ShortLine[]): AppError {
  const first = lines[0];
  const message =
    lines.length === 1 && first
      ? first.available === 0
        ? `${first.name ?? 'This item'} is out of stock.`
        : `Only ${first.available} of ${first.name ?? 'this item'} ${first.available === 1 ? 'is' : 'are'} available; you asked for ${first.requested}.`
      : `${lines.length} items in your cart are not available in the quantities asked.`;
  return new AppError('OUT_OF_STOCK', message, {
    details: { lines: lines.map(({ productId, variantId, requested, available }) => ({ productId, variantId, requested, available })) },
  });
}
