import { hashString, type Random, seededRandom } from '../../platform/runtime';
import { genericPictogram, type Pictogram, pictogramsByCategory } from './pictograms';
import type { ProductImageSpec } from './product-image-name';

// Builds the SVG for one product image: a gradient in the category's palette, soft circles, and the category's
// pictogram. Pure and deterministic: the same spec gives the same bytes, so the PNG can be cached forever.
// Only numbers and fixed colours reach the markup; the id and category are seeds and lookup keys, never text.

export const PRODUCT_IMAGE_SIZE = 800;

type Palette = { from: string; to: string; accents: readonly [string, string]; deep: string; ink: string };

const palettes: Readonly<Record<string, Palette>> = {
  'running-shoes': { from: '#ff7a59', to: '#ffb36b', accents: ['#ffd6a5', '#ff4d6d'], deep: '#5a1e2c', ink: '#fffaf3' },
  'hiking-boots': { from: '#2f5d50', to: '#7aa37a', accents: ['#c9d6a3', '#e0b46c'], deep: '#1f2d24', ink: '#fbf7ec' },
  't-shirts': { from: '#5b8def', to: '#b69cf6', accents: ['#d9e4ff', '#ffd1f0'], deep: '#1f2a5a', ink: '#ffffff' },
  hoodies: { from: '#6d4c9f', to: '#e07aa5', accents: ['#f6c6e0', '#9f86e8'], deep: '#2e1a47', ink: '#fff7fb' },
  jackets: { from: '#34495e', to: '#6c8fb3', accents: ['#a9c4de', '#f0a35e'], deep: '#16202b', ink: '#f5f8fb' },
  backpacks: { from: '#13a89e', to: '#a8e063', accents: ['#e4f7c5', '#0f7c74'], deep: '#0d3b36', ink: '#fbfff5' },
  books: { from: '#f2c58a', to: '#d9785a', accents: ['#fbe6c6', '#b5533c'], deep: '#4a2a1d', ink: '#fffaf0' },
  'board-games': { from: '#7b5cff', to: '#ffcf5c', accents: ['#ff8ad8', '#c8b8ff'], deep: '#2b1d63', ink: '#fffdf5' },
  headphones: { from: '#1d2b64', to: '#36d1dc', accents: ['#8be9f0', '#5b6ee1'], deep: '#0b1230', ink: '#f4fbff' },
  coffee: { from: '#6f4e37', to: '#c8a27c', accents: ['#e9d3b8', '#a0522d'], deep: '#2b1a10', ink: '#fff8ee' },
  kitchen: { from: '#7ed6b8', to: '#ffe29a', accents: ['#ffffff', '#f59e7a'], deep: '#1f4d3f', ink: '#fffef8' },
  yoga: { from: '#a18cd1', to: '#fbc2eb', accents: ['#fde2f3', '#7f6bc4'], deep: '#3d2a63', ink: '#fffaff' },
};

/** Unknown categories still get a pleasant image, in one of these, chosen by the category name. */
const fallbackPalettes: readonly Palette[] = [
  { from: '#667db6', to: '#0082c8', accents: ['#c7d7f2', '#7fd3ff'], deep: '#14244a', ink: '#f7fbff' },
  { from: '#ee9ca7', to: '#ffdde1', accents: ['#ffffff', '#d86f7f'], deep: '#5c2230', ink: '#fffafa' },
  { from: '#56ab2f', to: '#a8e063', accents: ['#eaffd0', '#2f7a1a'], deep: '#1d3d10', ink: '#fbfff7' },
];

const n = (value: number): string => (Math.round(value * 10) / 10).toString();

function paletteFor(category: string): Palette {
  return palettes[category] ?? (fallbackPalettes[hashString(category) % fallbackPalettes.length] as Palette);
}

function pictogramFor(category: string): Pictogram {
  return pictogramsByCategory[category] ?? genericPictogram;
}

/** The pictogram centred on (cx, cy) at `scale` times its 200-unit grid, with a soft offset shadow. */
function placedPictogram(p: Pictogram, palette: Palette, cx: number, cy: number, scale: number, rotate: number, opacity = 1): string {
  const at = (dx: number, dy: number) => `translate(${n(cx + dx)} ${n(cy + dy)}) rotate(${n(rotate)}) scale(${n(scale)}) translate(-100 -100)`;
  const shadowOffset = 5 * scale;
  return (
    `<g opacity="${n(opacity)}">` +
    `<g transform="${at(shadowOffset * 0.6, shadowOffset)}" fill="#000000" stroke="#000000" stroke-width="0" opacity="0.14" stroke-linecap="round" stroke-linejoin="round">${p.body}</g>` +
    `<g transform="${at(0, 0)}" fill="${palette.ink}" stroke="${palette.ink}" stroke-width="0" stroke-linecap="round" stroke-linejoin="round">${p.body}</g>` +
    `<g transform="${at(0, 0)}" fill="${palette.deep}" stroke="${palette.deep}" stroke-width="0" stroke-linecap="round" stroke-linejoin="round">${p.detail}</g>` +
    `</g>`
  );
}

function softCircles(r: Random, palette: Palette, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const colour = i % 3 === 2 ? palette.ink : palette.accents[i % 2];
    out += `<circle cx="${n(r.int(0, PRODUCT_IMAGE_SIZE))}" cy="${n(r.int(0, PRODUCT_IMAGE_SIZE))}" r="${n(r.int(80, 260))}" fill="${colour}" opacity="${n(0.12 + r.next() * 0.2)}"/>`;
  }
  return out;
}

export function buildProductImageSvg({ category, productId, index }: ProductImageSpec): string {
  const size = PRODUCT_IMAGE_SIZE;
  const r = seededRandom(`${category}/${productId}/${index}`);
  const palette = paletteFor(category);
  const pictogram = pictogramFor(category);
  const angle = r.next() * Math.PI * 2;
  const [x1, y1, x2, y2] = [0.5 - Math.cos(angle) / 2, 0.5 - Math.sin(angle) / 2, 0.5 + Math.cos(angle) / 2, 0.5 + Math.sin(angle) / 2];
  // The first image is the hero shot; the others vary the framing so a gallery does not show one picture thrice.
  const layout = ((index - 1) % 3) + 1;
  const [from, to] = layout === 2 ? [palette.to, palette.from] : [palette.from, palette.to];

  let scene = softCircles(r, palette, r.int(3, 5));
  if (layout === 1) {
    scene += `<ellipse cx="400" cy="650" rx="${n(r.int(200, 260))}" ry="34" fill="#000000" opacity="0.10"/>`;
    scene += placedPictogram(pictogram, palette, 400, 390, 2.3, r.next() * 8 - 4);
  } else if (layout === 2) {
    scene += placedPictogram(pictogram, palette, r.int(330, 470), r.int(330, 470), 3.1, r.next() * 20 - 10);
  } else {
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 4; col++) {
        scene += placedPictogram(pictogram, palette, 100 + col * 200, 100 + row * 200, 0.55, (row + col) % 2 === 0 ? -12 : 12, 0.22);
      }
    }
    scene += `<circle cx="400" cy="400" r="250" fill="${palette.accents[0]}" opacity="0.35"/>`;
    scene += placedPictogram(pictogram, palette, 400, 400, 1.8, r.next() * 10 - 5);
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<defs><linearGradient id="bg" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}">` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${size}" height="${size}" fill="url(#bg)"/>` +
    scene +
    `</svg>`
  );
}
