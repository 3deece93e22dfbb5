// Public door of the product artwork: names the generator writes into `images`, and the renderer the route serves.
export { productImagePath, productImageFileName, parseProductImageFileName, type ProductImageSpec } from './product-image-name';
export { buildProductImageSvg, PRODUCT_IMAGE_SIZE } from './product-image-svg';
export { renderProductImagePng } from './render-product-image';
