// `npm run bench:capacity` (issue 26): how the shop holds up under a flash sale, and how the per-request cost of its
// catalog reads grows with the catalog and the order history. Runs on its own throwaway local stack (in-memory
// DynamoDB Local, free ports on 127.0.0.1, as bench/order-pipeline.ts) and calls the server entries in process, so
// what is measured is the data layer, not Next's rendering. A benchmark, never a test: it prints, and exits non-zero
// only when the sale oversold (the one figure that must hold) or a phase ran past its time limit.
//
//   flash sale   --buyers shoppers (default 1,000), each with one unit of the same SKU in the cart, check out
//                --concurrency at a time (default 50) while --browsers loops read the product page, a category page
//                and a search. Stock is --stock units (default 400). Reports orders/s, checkouts answered/s,
//                TransactionConflict cancellations seen by DynamoDB, 503s, p50/p99 of placeOrder, and oversell
//                (orders placed + units left − initial stock; must be 0).
//   growth       the per-request time and DynamoDB calls of a category page, a search and "bought together" at
//                --small vs --large products, and of "bought together" at --small vs --large orders, as ratios.
//
// Run with --conditions=react-server (package.json) so `server-only` resolves as in Next.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startStack } from '../local/stack';

type Args = {
  buyers: number;
  stock: number;
  concurrency: number;
  browsers: number;
  shards: number;
  small: number;
  large: number;
  phase: 'all' | 'sale' | 'growth';
};

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number, max: number): number => {
    const i = argv.indexOf(`--${name}`);
    const n = i < 0 ? fallback : Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be a whole number in [0, ${max}]`);
    return n;
  };
  const p = argv.indexOf('--phase');
  const phase = (p < 0 ? 'all' : argv[p + 1]) as Args['phase'];
  if (!['all', 'sale', 'growth'].includes(phase)) throw new Error('--phase must be all, sale or growth');
  return {
    buyers: value('buyers', 1_000, 5_000),
    stock: value('stock', 400, 100_000),
    concurrency: value('concurrency', 50, 200),
    browsers: value('browsers', 4, 50),
    shards: value('shards', 8, 50),
    small: value('small', 1_000, 200_000),
    large: value('large', 20_000, 200_000),
    phase,
  };
}

const SALE_LIMIT_MS = 180_000; // the sale must finish well inside this (the 60 s window is the target)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function printTable(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.padStart(10)}`);
}

/** DynamoDB calls made and transaction cancellations seen, counted by a middleware on the shared client. */
const calls = { sent: 0, conflicts: 0, cancelled: 0 };

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  delete process.env.REDIS_URL; // never a developer's Redis: the stack starts its own
  process.env.LOG_LEVEL ||= 'error';
  process.env.STREAM_CONSUMERS = 'off';
  // The growth run measures what a read costs, also where it is slower than a request may be (a COUNT over every
  // product): its calls get 30 s instead of the app's 3 s. The sale keeps the app's settings: run the phases apart.
  if (args.phase === 'growth') process.env.AWS_REQUEST_TIMEOUT_MS = '30000';
  const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true });
  Object.assign(process.env, stack.env);
  try {
    const { dynamoDoc } = await import('../server/platform/aws/clients');
    const { cancellationCodes } = await import('../server/platform/db');
    dynamoDoc().middlewareStack.add(
      (next) => async (input) => {
        calls.sent++;
        try {
          return await next(input);
        } catch (err) {
          const codes = cancellationCodes(err);
          if (codes.length > 0) calls.cancelled++;
          if (codes.includes('TransactionConflict')) calls.conflicts++;
          throw err;
        }
      },
      { step: 'initialize', name: 'benchCapacityCounter' },
    );
    if (args.phase !== 'growth') await flashSale(args);
    if (args.phase !== 'sale') await growth(args);
  } finally {
    await stack.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Flash sale

async function flashSale(args: Args): Promise<void> {
  const [{ addCartItem }, { placeOrder }, fixtures, { isAppError }, catalog, search] = await Promise.all([
    import('../server/cart'),
    import('../server/checkout'),
    import('../server/checkout/test-support/fixtures'),
    import('../server/platform/errors'),
    import('../server/catalog/product-repository'),
    import('../server/search'),
  ]);
  // The SKU's units spread over --shards stock items (ADR 0029), as `npm run stock:shard` does before a sale; a
  // code base without the stock ledger ignores the option and keeps them on the product item.
  const sku = await fixtures.putProduct({
    variants: [{ id: 'sale', price: 1_999, stock: args.stock }],
    category: 'flash-sale',
    name: 'Flash sale kettle',
    ...(args.shards > 0 ? { stockShards: args.shards } : {}),
  });
  await fixtures.putProduct({ variants: [{ id: 'v', price: 2_500, stock: 50 }], category: 'flash-sale', name: 'Ordinary kettle' });
  const buyers: string[] = [];
  const prepStart = performance.now();
  for (let i = 0; i < args.buyers; i++) {
    const userId = fixtures.uniqueId('buyer');
    await addCartItem({ kind: 'user', userId }, { productId: sku.id, variantId: 'sale', quantity: 1 });
    buyers.push(userId);
  }
  console.log(`prepared ${args.buyers} carts in ${((performance.now() - prepStart) / 1000).toFixed(1)} s`);
  await search.rebuildSearchIndex();

  const before = { ...calls };
  const outcomes = { placed: 0, outOfStock: 0, unavailable: 0, other: 0 };
  const otherCodes = new Map<string, number>();
  const latencies: number[] = [];
  const placedLatencies: number[] = [];
  let lastPlacedAt = 0;
  let saleOver = false;
  let browses = 0;
  const browseLatencies: number[] = [];

  const browse = async () => {
    while (!saleOver) {
      const t = performance.now();
      await Promise.all([
        catalog.getProductRecordBySlug(sku.slug),
        search.searchProducts({ q: '', category: 'flash-sale', sort: 'relevance', limit: 24 }),
        search.searchProducts({ q: 'kettle', limit: 24 }),
      ]);
      browseLatencies.push(performance.now() - t);
      browses++;
    }
  };

  const start = performance.now();
  let next = 0;
  const buyer = async () => {
    while (next < buyers.length) {
      const userId = buyers[next++]!;
      const t = performance.now();
      try {
        await placeOrder({ userId, email: `${userId}@bench.example`, idempotencyKey: crypto.randomUUID(), body: fixtures.checkoutBody() });
        outcomes.placed++;
        lastPlacedAt = performance.now();
        placedLatencies.push(lastPlacedAt - t);
      } catch (err) {
        const code = isAppError(err) ? err.code : err instanceof Error ? err.name : 'unknown';
        if (code === 'OUT_OF_STOCK') outcomes.outOfStock++;
        else if (code === 'UNAVAILABLE') outcomes.unavailable++;
        else {
          outcomes.other++;
          otherCodes.set(code, (otherCodes.get(code) ?? 0) + 1);
        }
      }
      latencies.push(performance.now() - t);
      if (performance.now() - start > SALE_LIMIT_MS) throw new Error(`the sale ran past ${SALE_LIMIT_MS / 1000} s`);
    }
  };
  const browsing = Array.from({ length: args.browsers }, browse);
  await Promise.all(Array.from({ length: args.concurrency }, buyer));
  const seconds = (performance.now() - start) / 1000;
  saleOver = true;
  await Promise.all(browsing);

  // Oversell: count the orders that exist (one Query per buyer, consistent) and the units left.
  let ordersFound = 0;
  for (const userId of buyers) ordersFound += await fixtures.orderCount(userId);
  const left = (await fixtures.stockOf(sku.id, 'sale')) ?? Number.NaN;
  const oversold = ordersFound + left - args.stock;
  latencies.sort((a, b) => a - b);
  placedLatencies.sort((a, b) => a - b);
  browseLatencies.sort((a, b) => a - b);
  const sellingSeconds = (lastPlacedAt - start) / 1000;

  const layout = (sku as { stockLedger?: boolean }).stockLedger ? `stock ledger, ${args.shards} shards` : 'stock on the product item';
  printTable(
    `Flash sale: ${args.buyers} buyers, ${args.concurrency} at a time, one SKU with ${args.stock} units (${layout}), ${args.browsers} browsers (${new Date().toISOString()})`,
    [
      ['orders placed', String(outcomes.placed)],
      ['OUT_OF_STOCK answers', String(outcomes.outOfStock)],
      ['503 UNAVAILABLE answers', String(outcomes.unavailable)],
      ['other errors', otherCodes.size > 0 ? JSON.stringify(Object.fromEntries(otherCodes)) : '0'],
      ['orders/s while stock lasted', (outcomes.placed / sellingSeconds).toFixed(1)],
      ['checkouts answered/s (whole sale)', (buyers.length / seconds).toFixed(1)],
      ['whole sale s', seconds.toFixed(1)],
      // Each browse round makes one DynamoDB call (the product by slug; search is in memory): subtracted.
      ['DynamoDB calls per checkout answer', ((calls.sent - before.sent - browses) / buyers.length).toFixed(1)],
      ['transactions cancelled', String(calls.cancelled - before.cancelled)],
      ['…of them with TransactionConflict', String(calls.conflicts - before.conflicts)],
      ['placeOrder p50 ms (all answers)', percentile(latencies, 50).toFixed(0)],
      ['placeOrder p99 ms (all answers)', percentile(latencies, 99).toFixed(0)],
      ['placeOrder p99 ms (placed orders)', percentile(placedLatencies, 99).toFixed(0)],
      ['browse rounds (product + category + search)', String(browses)],
      ['browse round p99 ms', percentile(browseLatencies, 99).toFixed(0)],
      ['orders found afterwards', String(ordersFound)],
      ['units left', String(left)],
      ['OVERSOLD (must be 0)', String(oversold)],
    ],
  );
  if (oversold !== 0 || outcomes.placed !== ordersFound) {
    process.exitCode = 1;
    console.error(`OVERSELL: ${ordersFound} orders, ${left} left of ${args.stock}, ${outcomes.placed} reported placed`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Growth

const WORDS = ['kettle', 'lamp', 'chair', 'mug', 'jacket', 'boot', 'scarf', 'pan', 'desk', 'rug', 'vase', 'clock', 'towel', 'plate', 'bag', 'pen'];
const COLOURS = ['red', 'blue', 'green', 'amber', 'black', 'white', 'teal', 'olive'];
const CATEGORIES = 20;

async function batchWrite(table: string, items: Record<string, unknown>[]): Promise<void> {
  const { dynamoBulkDoc } = await import('../server/platform/aws/clients');
  const { batchWriteWithRetry } = await import('../server/platform/db');
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await batchWriteWithRetry(
        (input) => dynamoBulkDoc().send(new BatchWriteCommand(input)),
        { [table]: chunk.map((Item) => ({ PutRequest: { Item } })) },
        { maxAttempts: 20 },
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

function benchProduct(i: number, createdAt: string): Record<string, unknown> {
  const id = `gp-${String(i).padStart(6, '0')}`;
  const price = 500 + ((i * 7919) % 20_000);
  const category = `growth-${i % CATEGORIES}`;
  const rating = 3 + ((i * 31) % 20) / 10;
  return {
    id,
    slug: id,
    name: `${COLOURS[i % COLOURS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`,
    category,
    brand: `Brand ${i % 50}`,
    description: `A ${COLOURS[(i * 3) % COLOURS.length]} ${WORDS[i % WORDS.length]} written by the capacity bench.`,
    images: ['/images/products/test.png'],
    variants: [{ id: 'v', options: { size: 'one' }, price }],
    stock: { v: i % 5 === 0 ? 0 : 20 },
    currency: 'USD',
    minPrice: price,
    rating,
    reviewCount: 10,
    ratingSort: Math.round(rating * 1_000_000) + 10,
    featuredRank: i,
    createdAt,
    listAll: 'ALL',
    tags: [],
  };
}

async function seedProducts(from: number, to: number): Promise<void> {
  const tables = (await import('../server/platform/db/tables')) as { tableName: (key: 'products') => string; listAllKey?: (id: string) => string };
  const { tableName } = tables;
  const base = Date.parse('2026-01-01T00:00:00Z');
  const items = [];
  for (let i = from; i < to; i++) items.push(benchProduct(i, new Date(base + i * 60_000).toISOString()));
  // Where the code base shards the all* listings (ADR 0033), each product goes to its shard as the import writes it.
  for (const item of items) item.listAll = tables.listAllKey?.(String(item.id)) ?? 'ALL';
  // Where the code base has the stock ledger (ADR 0029), the products are written as the import writes them.
  const ledger = await import('../server/stock').catch(() => null);
  if (ledger) {
    for (const item of items) item.stockLedger = true;
    await batchWrite(tableName('products'), items);
    await ledger.writeImportedStock(items as unknown as { id: string; stock: Record<string, number> }[], true);
    return;
  }
  await batchWrite(tableName('products'), items);
}

/** The category counters, where the code base keeps them (as the import and the products stream do). */
async function recountGrowthCategories(): Promise<void> {
  const repository = (await import('../server/catalog/product-repository')) as { recountCategories?: (slugs: string[]) => Promise<void> };
  await repository.recountCategories?.(Array.from({ length: CATEGORIES }, (_, i) => `growth-${i}`));
}

async function seedCategories(): Promise<void> {
  const { tableName } = await import('../server/platform/db/tables');
  await batchWrite(
    tableName('categories'),
    Array.from({ length: CATEGORIES }, (_, i) => ({ slug: `growth-${i}`, name: `Growth ${String(i).padStart(2, '0')}`, description: 'Bench category' })),
  );
}

/** Orders as checkout writes their keys and the attributes the order indexes read; the bench measures reads, not checkout. */
async function seedOrders(from: number, to: number, productCount: number): Promise<void> {
  const tables = (await import('../server/platform/db/tables')) as {
    tableName: (key: 'orders') => string;
    statusShardKey?: (status: string, orderId: string) => string;
  };
  const { tableName } = tables;
  const base = Date.parse('2026-06-01T00:00:00Z');
  const items = [];
  for (let i = from; i < to; i++) {
    const a = `gp-${String(i % productCount).padStart(6, '0')}`;
    const b = `gp-${String((i * 13 + 1) % productCount).padStart(6, '0')}`;
    items.push({
      userId: `growth-user-${i % 5_000}`,
      orderId: `ord_g${String(i).padStart(8, '0')}`,
      status: 'DELIVERED',
      // The byStatus key where the code base shards it (ADR 0033).
      ...(tables.statusShardKey ? { statusShard: tables.statusShardKey('DELIVERED', `ord_g${String(i).padStart(8, '0')}`) } : {}),
      email: `growth-user-${i % 5_000}@bench.example`,
      createdAt: new Date(base + i * 1_000).toISOString(),
      items: [
        { productId: a, variantId: 'v', quantity: 1 },
        { productId: b, variantId: 'v', quantity: 1 },
      ],
    });
  }
  await batchWrite(tableName('orders'), items);
}

type Cost = { ms: number; calls: number };

/** Median time and DynamoDB calls of `fn` over `runs` calls after two warm-up calls. */
async function measure(fn: () => Promise<unknown>, runs = 25): Promise<Cost> {
  await fn();
  await fn();
  const times: number[] = [];
  const before = calls.sent;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: percentile(times, 50), calls: (calls.sent - before) / runs };
}

async function growth(args: Args): Promise<void> {
  const [search, repository, recommendations, coPurchases, orderSearch] = await Promise.all([
    import('../server/search'),
    import('../server/catalog/product-repository'),
    import('../server/recommendations'),
    import('../server/recommendations/bought-together-store'),
    import('../server/orders/search-orders'),
  ]);
  await seedCategories();
  // "Bought together" for the measured product: one order's pairs, counted the way the orders stream does.
  const seedProduct = 'gp-000001';
  const seeded: Record<string, number> = {};
  const t0 = performance.now();
  await seedProducts(0, args.small);
  await seedOrders(0, args.small, args.small);
  await recountGrowthCategories();
  seeded.small = (performance.now() - t0) / 1000;
  const pairs = coPurchases.basketPairs([seedProduct, 'gp-000002', 'gp-000003']);
  await coPurchases.commitOrderPairs('growth-user-0', 'ord_pairs', pairs);
  await coPurchases.mergeIntoTop(seedProduct, (await coPurchases.readPairCounts(pairs)).get(seedProduct) ?? []);

  const probes = {
    'category page (category + counts, 24 from the index)': async () => {
      await repository.listCategoriesWithCounts();
      await search.searchProducts({ q: '', category: 'growth-3', sort: 'relevance', limit: 24 });
    },
    'search "red kettle"': () => search.searchProducts({ q: 'red kettle', limit: 24 }),
    // The all* and byStatus indexes (ADR 0033: sharded, read by a merge of every shard), uncached: the home page's
    // listing and the feed's pages, and the operations console's list of a status.
    'whole-catalog listing (24, featured, all* index)': () => repository.queryProductPage({ sort: 'featured', limit: 24 }),
    'orders in a status (24 newest, byStatus index)': () => orderSearch.searchOrders({ status: 'DELIVERED', limit: 24 }),
    'bought together (uncached)': async () => {
      recommendations.forgetProductRecommendations();
      await recommendations.recommendForProduct(seedProduct);
    },
  } as const;

  const run = async (): Promise<Record<string, Cost>> => {
    await search.rebuildSearchIndex();
    const out: Record<string, Cost> = {};
    for (const [name, fn] of Object.entries(probes)) out[name] = await measure(fn);
    return out;
  };

  const small = await run();
  const t1 = performance.now();
  await seedProducts(args.small, args.large);
  await seedOrders(args.small, args.large, args.large);
  await recountGrowthCategories();
  seeded.large = (performance.now() - t1) / 1000;
  const large = await run();

  const rows: [string, string][] = [];
  for (const name of Object.keys(probes)) {
    const s = small[name]!;
    const l = large[name]!;
    rows.push([`${name}: ms at ${args.small} / ${args.large}`, `${s.ms.toFixed(1)} / ${l.ms.toFixed(1)}`]);
    rows.push([`${name}: DynamoDB calls`, `${s.calls.toFixed(1)} / ${l.calls.toFixed(1)}`]);
    rows.push([`${name}: ratio (time)`, `${(l.ms / s.ms).toFixed(2)}x`]);
  }
  rows.push(['seeding s (small, then the rest)', `${seeded.small?.toFixed(0)} / ${seeded.large?.toFixed(0)}`]);
  printTable(`Growth: ${args.small} vs ${args.large} products and ${args.small} vs ${args.large} orders (median of 25 calls)`, rows);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
