import type { ProductImageSpec } from './product-image-name';
import { buildProductImageSvg } from './product-image-svg';

// SVG → PNG with sharp (librsvg). No files and no network: the image exists only as bytes in the response.
// sharp is loaded here, on first use, not at module load: every route that imports the catalog's door would
// otherwise load it, and OpenNext leaves sharp out of the server function (it ships only with the image
// optimizer), so every such route answered 500 in the Lambda package (issue 25, seen in npm run test:lambda).

export async function renderProductImagePng(spec: ProductImageSpec): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  // density 72 renders the SVG at its own pixel size (800×800); compression 9 costs little on flat artwork.
  return sharp(Buffer.from(buildProductImageSvg(spec)), { density: 72 })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
