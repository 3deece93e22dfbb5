import { existsSync } from 'node:fs';
import { resetAwsClientsForTests } from '../../server/platform/aws/clients';
import { resetConfigForTests } from '../../server/platform/config';
import { reshardListings } from './reshard-listings';

// npm run reshard:listings
//
// Writes the sharded index keys (ADR 0033) on every product and order that lacks them or carries an old one: run it
// once after deploying the shards (and again after changing LISTING_SHARDS or STATUS_SHARDS). Configuration as
// `npm run catalog:import`: the local stack when DYNAMODB_ENDPOINT is unset and .local-data exists, else the
// environment's AWS account and TABLE_PREFIX.

if (!process.env.DYNAMODB_ENDPOINT && existsSync('.local-data')) {
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${process.env.LOCAL_DYNAMODB_PORT || '8000'}`;
  resetConfigForTests();
  resetAwsClientsForTests();
}

const started = Date.now();
reshardListings().then(
  ({ products, orders }) => {
    const s = Math.round((Date.now() - started) / 1000);
    console.log(`reshard:listings: products ${products.written} written of ${products.scanned} (${products.skipped} skipped)`);
    console.log(`reshard:listings: orders ${orders.written} written of ${orders.scanned} (${orders.skipped} skipped), ${s} s`);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
