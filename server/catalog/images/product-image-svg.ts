import { genericPictogram, type Pictogram, pictogramsByCategory } from './pictograms';
import { type ArtMark, type ArtPattern, type ProductArt, productArt } from './product-art';
import type { ProductImageSpec } from './product-image-name';

// Builds the SVG for one product image: the category's silhouette cut to the product's own proportions, painted in
// the variant's colour with the product's pattern, trim and maker's mark (product-art.ts), photographed three ways:
// 1 the hero shot on a studio backdrop, 2 the other side at an angle, 3 a close-up of the mark and the pattern.
// Pure and deterministic: the same spec gives the same bytes, so the PNG can be cached forever. Only numbers and
// colours from fixed tables reach the markup; the id, category and colour key are seeds and lookup keys, never text.

export const PRODUCT_IMAGE_SIZE = 800;

const n = (value: number): string => (Math.round(value * 10) / 10).toString();
/** Scale factors keep three decimals: one would visibly snap a 2.35 × 0.93 cut to 2.2. */
const k = (value: number): string => (Math.round(value * 1000) / 1000).toString();

function pictogramFor(category: string): Pictogram {
  return pictogramsByCategory[category] ?? genericPictogram;
}

/** Repeats on the 200-unit grid (overdrawn past its edges: the body mask trims them to the silhouette). */
function patternMarkup(pattern: ArtPattern, art: ProductArt): string {
  const step = 22 * art.patternScale;
  const turn = `rotate(${n(art.patternAngle)} 100 100)`;
  let out = '';
  switch (pattern) {
    case 'solid':
      return '';
    case 'stripes':
      for (let y = -80; y < 280; y += step) out += `<rect x="-80" y="${n(y)}" width="360" height="${n(step * 0.42)}"/>`;
      return `<g transform="${turn}" fill="${art.accent}">${out}</g>`;
    case 'pinstripe':
      for (let x = -80; x < 280; x += step * 0.5) out += `<rect x="${n(x)}" y="-80" width="2.2" height="360"/>`;
      return `<g transform="${turn}" fill="${art.accent}" opacity="0.85">${out}</g>`;
    case 'block':
      return `<g transform="${turn}"><rect x="-80" y="${n(96 + art.patternScale * 24)}" width="360" height="240" fill="${art.accent}"/><rect x="-80" y="${n(90 + art.patternScale * 24)}" width="360" height="4" fill="${art.trim}"/></g>`;
    case 'diagonal':
      return `<polygon points="-80,${n(150 + art.patternAngle)} 280,${n(40 - art.patternAngle)} 280,280 -80,280" fill="${art.accent}"/>`;
    case 'dots': {
      const r = 3.2 * art.patternScale;
      for (let y = -40; y < 240; y += step * 0.8) {
        for (let x = -40; x < 240; x += step * 0.8) out += `<circle cx="${n(x + ((y / step) % 2 ? step * 0.4 : 0))}" cy="${n(y)}" r="${n(r)}"/>`;
      }
      return `<g transform="${turn}" fill="${art.accent}">${out}</g>`;
    }
    case 'chevron':
      for (let y = -60; y < 260; y += step) {
        let d = `M-80 ${n(y)}`;
        for (let x = -80; x < 280; x += step) d += `L${n(x + step / 2)} ${n(y - step / 2)}L${n(x + step)} ${n(y)}`;
        out += `<path d="${d}"/>`;
      }
      return `<g transform="${turn}" fill="none" stroke="${art.accent}" stroke-width="${n(step * 0.22)}" stroke-linejoin="miter">${out}</g>`;
    case 'panel':
      return `<g transform="${turn}"><rect x="${n(100 - 18 * art.patternScale)}" y="-80" width="${n(36 * art.patternScale)}" height="360" fill="${art.accent}"/><rect x="${n(100 - 24 * art.patternScale)}" y="-80" width="3" height="360" fill="${art.trim}"/><rect x="${n(100 + 21 * art.patternScale)}" y="-80" width="3" height="360" fill="${art.trim}"/></g>`;
  }
}

function markMarkup(mark: ArtMark, [x, y]: readonly [number, number], fill: string): string {
  const s = 9;
  switch (mark) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${s}" fill="${fill}"/>`;
    case 'ring':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${s}" fill="none" stroke="${fill}" stroke-width="3.5"/>`;
    case 'triangle':
      return `<path d="M${n(x)} ${n(y - s)}L${n(x + s)} ${n(y + s * 0.8)}L${n(x - s)} ${n(y + s * 0.8)}Z" fill="${fill}"/>`;
    case 'diamond':
      return `<path d="M${n(x)} ${n(y - s)}L${n(x + s * 0.75)} ${n(y)}L${n(x)} ${n(y + s)}L${n(x - s * 0.75)} ${n(y)}Z" fill="${fill}"/>`;
    case 'bar':
      return `<rect x="${n(x - s * 1.4)}" y="${n(y - 3)}" width="${n(s * 2.8)}" height="6" rx="3" fill="${fill}"/>`;
    case 'star': {
      let d = '';
      for (let i = 0; i < 10; i++) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const rr = i % 2 === 0 ? s * 1.15 : s * 0.5;
        d += `${i === 0 ? 'M' : 'L'}${n(x + Math.cos(a) * rr)} ${n(y + Math.sin(a) * rr)}`;
      }
      return `<path d="${d}Z" fill="${fill}"/>`;
    }
  }
}

const STROKES = 'stroke-width="0" stroke-linecap="round" stroke-linejoin="round"';

/** The product on the 200-unit grid: silhouette in its paint, pattern and mark inside the silhouette, trim on top. */
function productMarkup(p: Pictogram, art: ProductArt, maskId: string): string {
  const markFill = art.pattern === 'solid' ? art.accent : art.trim;
  return (
    `<g fill="${art.colour}" stroke="${art.colour}" ${STROKES}>${p.body}</g>` +
    `<g mask="url(#${maskId})">${patternMarkup(art.pattern, art)}${markMarkup(art.mark, art.markAt, markFill)}</g>` +
    `<g fill="${art.trim}" stroke="${art.trim}" ${STROKES}>${p.detail}</g>`
  );
}

function placed(inner: string, cx: number, cy: number, scale: number, art: ProductArt, rotate: number, mirror = false): string {
  const sx = scale * art.widthScale * (mirror ? -1 : 1);
  const sy = scale * art.heightScale;
  return `<g transform="translate(${n(cx)} ${n(cy)}) rotate(${n(rotate)}) scale(${k(sx)} ${k(sy)}) translate(-100 -100)">${inner}</g>`;
}

function shadowOf(p: Pictogram): string {
  return `<g fill="#000000" stroke="#000000" ${STROKES}>${p.body}</g>`;
}

export function buildProductImageSvg(spec: ProductImageSpec): string {
  const size = PRODUCT_IMAGE_SIZE;
  const art = productArt(spec);
  const p = pictogramFor(spec.category);
  const view = ((spec.index - 1) % 3) + 1;
  const [top, floor] = art.backdrop;
  const maskId = 'body';
  const defs =
    `<defs>` +
    `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="0.68" stop-color="${top}"/><stop offset="1" stop-color="${floor}"/></linearGradient>` +
    `<radialGradient id="glow" cx="0.5" cy="0.42" r="0.6"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>` +
    `<mask id="${maskId}" maskUnits="userSpaceOnUse" x="-100" y="-100" width="400" height="400"><g fill="#ffffff" stroke="#ffffff" ${STROKES}>${p.body}</g></mask>` +
    `</defs>`;
  const product = productMarkup(p, art, maskId);

  let scene = `<rect width="${size}" height="${size}" fill="url(#wall)"/><rect width="${size}" height="${size}" fill="url(#glow)"/>`;
  if (view === 1) {
    scene += `<ellipse cx="400" cy="${n(392 + 80 * 2.9 * art.heightScale)}" rx="${n(230 * art.widthScale)}" ry="28" fill="#000000" opacity="0.10"/>`;
    scene += `<g opacity="0.13">${placed(shadowOf(p), 412, 406, 2.9, art, art.tilt)}</g>`;
    scene += placed(product, 400, 392, 2.9, art, art.tilt);
  } else if (view === 2) {
    // The other side, turned: mirrored, smaller, on the floor line, with the backdrop's corner in shadow.
    scene += `<path d="M0 0L${size} 0L${size} ${size}Z" fill="#000000" opacity="0.035"/>`;
    scene += `<ellipse cx="420" cy="${n(420 + 80 * 2.5 * art.heightScale)}" rx="${n(200 * art.widthScale)}" ry="24" fill="#000000" opacity="0.12"/>`;
    scene += `<g opacity="0.12">${placed(shadowOf(p), 434, 434, 2.5, art, -art.tilt - 9, true)}</g>`;
    scene += placed(product, 420, 420, 2.5, art, -art.tilt - 9, true);
  } else {
    // A close-up on the maker's mark: the pattern and the paint, large.
    const scale = 4.2;
    const [mx, my] = art.markAt;
    scene += `<g transform="translate(400 400) scale(${k(scale * art.widthScale)} ${k(scale * art.heightScale)}) translate(${n(-mx)} ${n(-my)})">${product}</g>`;
    scene += `<rect x="24" y="24" width="752" height="752" rx="28" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="4" stroke-dasharray="14 10"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${defs}${scene}</svg>`;
}

/**
 * A tiny stand-in shown while a drawn image loads: the backdrop and a soft blot of the product's paint, blurred.
 * A data URL of about 250 bytes (single quotes, only `<`, `>` and `#` escaped: it sits in a quoted CSS url()), so
 * the page carries it and the browser paints it before any image request.
 */
export function productImagePlaceholder(spec: ProductImageSpec): `data:image/svg+xml,${string}` {
  const art = productArt(spec);
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 40'>` +
    `<filter id='b'><feGaussianBlur stdDeviation='3'/></filter>` +
    `<rect width='40' height='40' fill='${art.backdrop[0]}'/>` +
    `<ellipse cx='20' cy='20' rx='${n(11 * art.widthScale)}' ry='${n(11 * art.heightScale)}' fill='${art.colour}' filter='url(%23b)'/></svg>`;
  return `data:image/svg+xml,${svg.replaceAll('#', '%23').replaceAll('<', '%3C').replaceAll('>', '%3E')}`;
}
