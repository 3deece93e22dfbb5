// Public door of the product artwork: names the generator writes into `images` and the renderer the route serves;
// the stand-in painted while one loads is ./image-placeholder (server/catalog/index.ts).
export { colourKey } from './colours';
export { parseProductImageFileName, productImagePath } from './product-image-name';
export { renderProductImagePng } from './render-product-image';
export { productImagePng } from './serve-product-image';
