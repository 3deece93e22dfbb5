import type { ProductVariant } from '@/server/catalog/contract';
import { initialSelection, optionGroups } from './variant-options';

// Which pictures the gallery holds: one set per colour the variant picker offers, in the picker's order (the
// swatch with data-swatch="i" shows set i, app/globals.css), or a single set when colours share one.

export type GallerySet = { colour?: string; images: string[] };

export type GalleryPlan = {
  /** The colour option's name (`colour`, `color`) when the product has one. */
  colourOption?: string;
  sets: GallerySet[];
  /** The set shown first: the colour of the variant the page opens on. */
  initial: number;
  /** True when each set belongs to a swatch (a colour choice swaps the pictures). */
  swaps: boolean;
};

export function colourOptionOf(variants: readonly ProductVariant[]): string | undefined {
  return Object.keys(variants[0]?.options ?? {}).find((name) => /^colou?r$/i.test(name));
}

export function galleryPlan(product: { images: string[]; imagesByColour?: Record<string, string[]>; variants: ProductVariant[] }): GalleryPlan {
  const colourOption = colourOptionOf(product.variants);
  const colours = colourOption ? (optionGroups(product.variants).find(([name]) => name === colourOption)?.[1] ?? []) : [];
  const byColour = product.imagesByColour;
  if (!colourOption || !byColour || colours.length < 2 || !colours.some((c) => byColour[c])) {
    return { colourOption, sets: [{ images: product.images }], initial: 0, swaps: false };
  }
  // The first colour shows the product's own `images` (the same list in an import; after a marketer's edit of the
  // images, theirs: an edit must show on the page), every other colour its own pictures.
  const sets = colours.map((colour, i) => ({ colour, images: i === 0 ? product.images : (byColour[colour] ?? product.images) }));
  const opening = initialSelection(product.variants)[colourOption];
  return { colourOption, sets, initial: Math.max(0, colours.indexOf(opening ?? '')), swaps: true };
}
