// Public entry of the shopper domain: the per-shopper facts the cached catalog pages' islands read (GET /api/shopper).
export { type ShopperSummary, shopperSummary } from './shopper-summary';
