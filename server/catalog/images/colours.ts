import { hashString } from '../../platform/runtime';

// Colour names a catalogue uses for its colour option, as the swatch and the drawn artwork show them. A name the
// table does not know still gets a stable colour for the artwork (from its hash), but no swatch colour: a swatch
// that guesses wrong is worse than the name alone.

/** Colour names and their swatch colours. app/globals.css "Swatches" paints the same table (a unit test holds them together). */
export const NAMED_COLOURS: Readonly<Record<string, string>> = {
  Black: '#1d1f22',
  White: '#f7f6f2',
  Red: '#c62f2f',
  Blue: '#2f6fd0',
  Navy: '#1f2f57',
  Grey: '#8a8f96',
  Gray: '#8a8f96',
  Green: '#2f9a4f',
  Orange: '#ec7a24',
  Yellow: '#f2c230',
  Purple: '#7446b8',
  Pink: '#e98bb5',
  Teal: '#14877f',
  Brown: '#6e4529',
  Tan: '#c9a577',
  Olive: '#6b7132',
  'Forest Green': '#24563a',
  Sand: '#dcc9a3',
  Burgundy: '#7a1f35',
  Mustard: '#d0a22a',
  'Sky Blue': '#79b8e8',
  Charcoal: '#3b3f45',
  Silver: '#c4c8cc',
  'Rose Gold': '#d9a293',
  'Midnight Blue': '#1b2343',
  Sage: '#a3b59a',
  Cream: '#f1e8d2',
  Stainless: '#aeb4b8',
};

const NAMED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(NAMED_COLOURS).map(([name, hex]) => [colourKey(name), hex]));

/** "Forest Green" → "forest-green": the form a colour takes in an image file name. */
export function colourKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The swatch colour of a named colour, or null when the shop does not know the name. */
export function swatchHex(name: string): string | null {
  return NAMED[colourKey(name)] ?? null;
}

/** The colour the artwork paints for a colour key: the named one, else a mid-tone hue chosen by the key's hash. */
export function artworkHexForKey(key: string): string {
  const named = NAMED[key];
  if (named) return named;
  const h = hashString(key);
  return hslToHex(h % 360, 0.45 + ((h >>> 9) % 30) / 100, 0.38 + ((h >>> 17) % 20) / 100);
}

type Rgb = readonly [number, number, number];

function hslToHex(h: number, s: number, l: number): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

function toRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `a` moved `t` of the way towards `b` (0 is a, 1 is b). */
export function mixHex(a: string, b: string, t: number): string {
  const x = toRgb(a);
  const y = toRgb(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance(hex: string): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = toRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Euclidean distance in RGB, 0–441: a cheap "do these two read as different colours" test. */
export function colourDistance(a: string, b: string): number {
  const x = toRgb(a);
  const y = toRgb(b);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
