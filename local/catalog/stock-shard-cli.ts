import { existsSync } from 'node:fs';
import { resetAwsClientsForTests } from '../../server/platform/aws/clients';
import { resetConfigForTests } from '../../server/platform/config';
import { reshardVariant } from '../../server/stock';

// npm run stock:shard -- <productId> <variantId> <shards>
//
// Spreads a variant's units over <shards> items of the stock ledger before a flash sale (ADR 0029), so concurrent
// checkouts decrement different items; 1 puts them back on one. One transaction, conditional on every shard as read,
// so sales running meanwhile are neither lost nor doubled. Configuration as `npm run catalog:import`: the local stack
// when DYNAMODB_ENDPOINT is unset and .local-data exists, else the environment's AWS account and TABLE_PREFIX.

if (!process.env.DYNAMODB_ENDPOINT && existsSync('.local-data')) {
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${process.env.LOCAL_DYNAMODB_PORT || '8000'}`;
  resetConfigForTests();
  resetAwsClientsForTests();
}

const [productId, variantId, count] = process.argv.slice(2);
const shards = Number(count);
if (!productId || !variantId || !Number.isInteger(shards) || shards < 1 || shards > 50) {
  console.error('usage: npm run stock:shard -- <productId> <variantId> <shards 1-50>');
  process.exit(2);
}
reshardVariant(productId, variantId, shards).then(
  (out) => {
    console.log(`${productId}/${variantId}: ${out.units} units over ${shards} shard(s): ${out.shards.join(', ')}`);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
