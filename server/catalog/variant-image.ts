import type { ProductRecord } from './contract';

// The picture that stands for one variant where a single thumbnail is shown (cart lines, the cart drawer, the
// checkout summary): its colour's first picture when the product has pictures per colour (ADR 0030), else the
// product's first. As on the product page, the first colour (of the first variant) shows the product's own `images`,
// so a marketer's edit of them shows here too.

const COLOUR_OPTION = /^colou?r$/i;

export function variantImage(product: Pick<ProductRecord, 'images' | 'imagesByColour' | 'variants'>, options: Record<string, string>): string {
  const fallback = product.images[0] ?? '';
  const byColour = product.imagesByColour;
  const option = Object.keys(options).find((name) => COLOUR_OPTION.test(name));
  if (!byColour || !option) return fallback;
  const colour = options[option];
  if (colour === undefined || colour === product.variants[0]?.options[option]) return fallback;
  return byColour[colour]?.[0] ?? fallback;
}
