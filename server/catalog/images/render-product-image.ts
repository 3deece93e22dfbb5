import sharp from 'sharp';
import type { ProductImageSpec } from './product-image-name';
import { buildProductImageSvg } from './product-image-svg';

// SVG → PNG with sharp (librsvg). No files and no network: the image exists only as bytes in the response.

export async function renderProductImagePng(spec: ProductImageSpec): Promise<Buffer> {
  // density 72 renders the SVG at its own pixel size (800×800); compression 9 costs little on flat artwork.
  return sharp(Buffer.from(buildProductImageSvg(spec)), { density: 72 })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
