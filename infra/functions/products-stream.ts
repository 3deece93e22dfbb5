// Lambda entry subscribed to the products table's stream (sst.config.ts): the same consumer the local stack runs
// in-process. It expires the cached catalog reads a change touches (Redis tag store, shared by every server
// instance), keeps this function's search index current, and writes that index to S3 as a snapshot (debounced) that
// server instances load at cold start instead of scanning the table (docs/search.md "Snapshots in S3", ADR 0014).
export { handleProductsStreamEvent as handler } from '../../server/streams/products-stream';
