import { seededRandom } from '../../platform/runtime';
import { artworkHexForKey, colourDistance, luminance, mixHex } from './colours';

// What makes one product's artwork its own: shape parameters drawn from a generator seeded by the product id (so
// the same product always looks the same, and two products of one category differ in cut, pattern, trim and
// mark), and the colour of the variant shown. Every colour of one product shares the shape and changes the paint,
// as a real colourway would. Pure: no I/O, and only numbers and colours from fixed tables come out.

export const ART_PATTERNS = ['solid', 'stripes', 'pinstripe', 'block', 'diagonal', 'dots', 'chevron', 'panel'] as const;
export const ART_MARKS = ['circle', 'triangle', 'diamond', 'bar', 'star', 'ring'] as const;
export type ArtPattern = (typeof ART_PATTERNS)[number];
export type ArtMark = (typeof ART_MARKS)[number];

export type ProductArt = {
  /** The body's paint: the variant's colour, or one chosen for the product when it has no colour option. */
  colour: string;
  /** Pattern and mark colour, chosen to stand apart from the body. */
  accent: string;
  /** Soles, seams, pages, ear cups: a deep or light shade of the body so they read on it. */
  trim: string;
  /** Studio backdrop, top and floor. */
  backdrop: readonly [string, string];
  pattern: ArtPattern;
  /** Degrees the pattern is turned on the body. */
  patternAngle: number;
  /** Spacing of the pattern's repeats, 0.7–1.4 of the base. */
  patternScale: number;
  mark: ArtMark;
  /** Where the maker's mark sits on the 200-unit drawing grid. */
  markAt: readonly [number, number];
  /** Proportions of the silhouette: how wide and how tall against the category's base drawing. */
  widthScale: number;
  heightScale: number;
  /** Degrees the hero shot is turned. */
  tilt: number;
};

/** Paints for products whose category has no colour option (books, coffee, games): covers, bags and boxes. */
const UNCOLOURED_PAINTS = ['#2f4858', '#b23a48', '#f2c14e', '#2e86ab', '#6b4226', '#1b998b', '#e4572e', '#5f3dc4', '#ece4d0', '#33658a', '#8c2f39', '#3d5a40'];

const ACCENTS = ['#ffd166', '#ef476f', '#06d6a0', '#118ab2', '#f8f4e3', '#ff9f1c', '#9b5de5', '#00bbf9', '#f15bb5', '#e9ff70', '#2b2d42', '#fb5607'];

const BACKDROPS = ['#f4f1ec', '#eef1f4', '#f3efe6', '#edf3ee', '#f5eef0', '#eceef3', '#f2f0e9'];

const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

export type ProductArtInput = {
  category: string;
  productId: string;
  /** A colour key (see colours.ts `colourKey`) or undefined for a product without a colour option. */
  colour?: string;
};

export function productArt({ category, productId, colour }: ProductArtInput): ProductArt {
  // The shape depends on the product alone: a colourway repaints it, never recuts it.
  const r = seededRandom(`art/${category}/${productId}`);
  const pattern = ART_PATTERNS[r.int(0, ART_PATTERNS.length - 1)] as ArtPattern;
  const patternAngle = r.pick([0, 0, 90, 30, -30, 45, -45, 15]);
  const patternScale = round(0.7 + r.next() * 0.7);
  const mark = ART_MARKS[r.int(0, ART_MARKS.length - 1)] as ArtMark;
  const markAt = [round(80 + r.next() * 40, 1), round(85 + r.next() * 40, 1)] as const;
  const widthScale = round(0.84 + r.next() * 0.3);
  const heightScale = round(0.86 + r.next() * 0.26);
  const tilt = round(r.next() * 10 - 5, 1);
  const backdropBase = r.pick(BACKDROPS);
  const paintFallback = r.pick(UNCOLOURED_PAINTS);
  const accentOrder = r.shuffle(ACCENTS);

  const paint = colour ? artworkHexForKey(colour) : paintFallback;
  // The first accent in this product's own order that reads against its paint (a yellow stripe on a mustard body would vanish).
  const accent = accentOrder.find((a) => colourDistance(a, paint) > 140) ?? (luminance(paint) > 0.4 ? '#1d1f22' : '#f8f4e3');
  const light = luminance(paint) > 0.45;
  const trim = light ? mixHex(paint, '#14161a', 0.72) : mixHex(paint, '#fbf8f2', 0.78);
  // A pale product on a pale wall disappears: such products get a deeper backdrop.
  const top = luminance(paint) > 0.7 ? mixHex(backdropBase, '#5b6470', 0.3) : backdropBase;
  return {
    colour: paint,
    accent,
    trim,
    backdrop: [top, mixHex(top, '#3a3f47', 0.12)],
    pattern,
    patternAngle,
    patternScale,
    mark,
    markAt,
    widthScale,
    heightScale,
    tilt,
  };
}
