// Public door of product editing (marketers): search, read, edit with optimistic locking, and the audit history.
// Re-exported by server/catalog/index.ts; route handlers and the admin page use it from there.
export { type AdminProductRow, adminProductQuerySchema, getAdminProduct, searchAdminProducts } from './admin-products';
export { editProduct } from './edit-product';
export type { AdminProduct, EditableState, EditorActor, ProductAuditEntry, ProductPatch } from './product-edit-model';
export { productPatchSchema } from './product-edit-model';
export { requireProductEditor } from './product-editors';
export { productHistory, productHistoryQuerySchema } from './product-history';
export { type ProductRouteContext, productIdParam } from './product-id-param';
export { startProductImageUpload } from './product-image-upload';
