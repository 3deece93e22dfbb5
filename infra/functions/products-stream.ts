// Lambda entry subscribed to the products table's stream (sst.config.ts): the same consumer the local stack runs
// in-process. It expires the cached catalog reads a change touches (Redis tag store, shared by every server
// instance) and keeps this function's search index current; docs/search.md plans the S3 snapshot that will let
// server instances load that index instead of scanning at cold start.
export { handleProductsStreamEvent as handler } from '../../server/events/products-stream';
