// The file names product artwork is served under: /images/products/<category>.<productId>.<n>.png.
// The category chooses palette and pictogram, the id and n seed the composition, so the route renders any image
// from its name alone, with no catalog read (and nothing in the name is ever copied into the SVG).

export const PRODUCT_IMAGE_BASE = '/images/products/';

export type ProductImageSpec = { category: string; productId: string; index: number };

const FILE_NAME = /^([a-z0-9][a-z0-9-]{0,79})\.([A-Za-z0-9][A-Za-z0-9_-]{0,99})\.([1-9])\.png$/;

export function productImageFileName({ category, productId, index }: ProductImageSpec): string {
  const name = `${category}.${productId}.${index}.png`;
  if (!FILE_NAME.test(name)) throw new RangeError(`Cannot name an image for ${JSON.stringify({ category, productId, index })}`);
  return name;
}

export function productImagePath(spec: ProductImageSpec): string {
  return `${PRODUCT_IMAGE_BASE}${productImageFileName(spec)}`;
}

/** null for anything that is not exactly a name productImageFileName could have produced. */
export function parseProductImageFileName(file: string): ProductImageSpec | null {
  const m = FILE_NAME.exec(file);
  if (!m) return null;
  return { category: m[1] as string, productId: m[2] as string, index: Number(m[3]) };
}
