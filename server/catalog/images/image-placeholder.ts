import { parseProductImagePath } from './product-image-name';
import { productImagePlaceholder } from './product-image-svg';

/**
 * What a page paints while an image loads: for drawn artwork a blurred blot of the product's own colours (a data
 * URL, no request); for uploads and imported photos nothing here, and the frame's background colour shows instead.
 */
export function imagePlaceholder(path: string): `data:image/svg+xml,${string}` | undefined {
  const spec = parseProductImagePath(path);
  return spec ? productImagePlaceholder(spec) : undefined;
}
