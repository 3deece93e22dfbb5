// Public entry of the shopper domain: the per-shopper facts the cached catalog pages' islands read, in one call per
// page view (GET /api/shopper, ADR 0028). Its types and query schema are in contract.ts, for the browser too.

export { shopperQuerySchema } from './shopper-query';
export { shopperSummary } from './shopper-summary';
