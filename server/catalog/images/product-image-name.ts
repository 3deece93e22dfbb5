// The file names product artwork is served under: /images/products/<category>.<productId>[.<colour>].<n>.png.
// The category chooses the drawing, the id seeds the product's own shape parameters (product-art.ts), the colour
// key paints it (one set of pictures per colourway) and n is the view (hero, angle, detail). The route renders any
// image from its name alone, with no catalog read (and nothing in the name is ever copied into the SVG).

export const PRODUCT_IMAGE_BASE = '/images/products/';

export type ProductImageSpec = {
  category: string;
  productId: string;
  /** colours.ts `colourKey` of the variant's colour; absent for products without a colour option. */
  colour?: string;
  index: number;
};

const FILE_NAME = /^([a-z0-9][a-z0-9-]{0,79})\.([A-Za-z0-9][A-Za-z0-9_-]{0,99})(?:\.([a-z0-9][a-z0-9-]{0,39}))?\.([1-9])\.png$/;

export function productImageFileName({ category, productId, colour, index }: ProductImageSpec): string {
  const name = `${category}.${productId}${colour ? `.${colour}` : ''}.${index}.png`;
  if (!FILE_NAME.test(name)) throw new RangeError(`Cannot name an image for ${JSON.stringify({ category, productId, colour, index })}`);
  return name;
}

export function productImagePath(spec: ProductImageSpec): string {
  return `${PRODUCT_IMAGE_BASE}${productImageFileName(spec)}`;
}

/** null for anything that is not exactly a name productImageFileName could have produced. */
export function parseProductImageFileName(file: string): ProductImageSpec | null {
  const m = FILE_NAME.exec(file);
  if (!m) return null;
  const spec: ProductImageSpec = { category: m[1] as string, productId: m[2] as string, index: Number(m[4]) };
  if (m[3] !== undefined) spec.colour = m[3];
  return spec;
}

/** The spec of a site path under /images/products/, or null for any other image (an upload, an imported file). */
export function parseProductImagePath(path: string): ProductImageSpec | null {
  return path.startsWith(PRODUCT_IMAGE_BASE) ? parseProductImageFileName(path.slice(PRODUCT_IMAGE_BASE.length)) : null;
}
