// Public entry of the stock domain (ADR 0029): the units a shop may sell, in their own items of the `stock` table
// (one or more shards per variant), never on the product item. Checkout decrements a shard inside its transaction;
// a cancellation gives units back; marketers' edits and the catalog import set totals; the products' `stock` map is
// a copy for display and search, refreshed from here by the orders stream (server/catalog copyStockToProducts).
// No 'server-only': the catalog import and the seed (plain Node) write through it too.
export {
  closeItems,
  giveBackItem,
  lineShardKeys,
  lineShards,
  pickShards,
  readProductShards,
  readShards,
  reshardVariant,
  type Shard,
  type StockLine,
  seqOf,
  setVariantItems,
  spread,
  type Take,
  takeItem,
  unitsByVariant,
  writeImportedStock,
} from './stock-ledger';
