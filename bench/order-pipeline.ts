// `npm run bench:orders`: orders through checkout → orders stream → FIFO queue → simulated warehouse → SHIPPED, on
// its own throwaway local stack (in-memory, free ports) with the fulfilment pauses at zero, so what is measured is
// the pipeline itself. Places --orders fresh orders (one product and cart each, prepared before the clock starts)
// through server/checkout's placeOrder, --concurrency at a time, then polls each order until its timeline says
// SHIPPED. Latency is the order's createdAt → its SHIPPED timeline entry (both stamped by this process's clock),
// so the polling interval does not blur it. A benchmark, never a test: it prints, and fails only on --timeout.
// Run with --conditions=react-server (package.json) so `server-only` resolves as in Next.
import { startStack } from '../local/stack';

type Args = { orders: number; concurrency: number; timeoutSeconds: number };

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number, max: number): number => {
    const i = argv.indexOf(`--${name}`);
    const n = i < 0 ? fallback : Number(argv[i + 1]);
    if (!Number.isInteger(n) || n <= 0 || n > max) throw new Error(`--${name} must be a whole number in [1, ${max}]`);
    return n;
  };
  return { orders: value('orders', 50, 2_000), concurrency: value('concurrency', 5, 50), timeoutSeconds: value('timeout', 120, 1_800) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + args.timeoutSeconds * 1_000;
  delete process.env.REDIS_URL; // never a developer's Redis: the stack starts its own
  for (const key of ['FULFILMENT_PROCESSING_MS', 'FULFILMENT_SHIPPED_MS', 'FULFILMENT_DELIVERED_MS', 'FULFILMENT_RETURN_MS']) process.env[key] = '0';
  process.env.FULFILMENT_MODE = 'auto';
  process.env.LOG_LEVEL ||= 'warn'; // the table, not the stream readers' info lines
  const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true });
  Object.assign(process.env, stack.env);
  // Server modules read the config on first use: import them only once the stack's env is in place.
  const [{ addCartItem }, { placeOrder }, fixtures, { getOrder }, { startOrdersStreamConsumer, stopOrdersStreamConsumer }, { startFulfilmentWorker }] =
    await Promise.all([
      import('../server/cart'),
      import('../server/checkout'),
      import('../server/checkout/test-support/fixtures'),
      import('../server/orders'),
      import('../server/streams/orders-stream'),
      import('../server/fulfilment'),
    ]);
  startOrdersStreamConsumer();
  const worker = startFulfilmentWorker();
  try {
    const carts: string[] = [];
    for (let i = 0; i < args.orders; i++) {
      const userId = fixtures.uniqueId('bench');
      const p = await fixtures.putProduct({ variants: [{ id: 'v', price: 2_500, stock: 5 }] });
      await addCartItem({ kind: 'user', userId }, { productId: p.id, variantId: 'v', quantity: 1 });
      carts.push(userId);
    }

    const placed: { userId: string; orderId: string }[] = [];
    const placeStart = performance.now();
    const placeStartEpoch = Date.now();
    let next = 0;
    const placer = async () => {
      while (next < carts.length) {
        const userId = carts[next++]!;
        const { order } = await placeOrder({ userId, email: `${userId}@bench.example`, idempotencyKey: crypto.randomUUID(), body: fixtures.checkoutBody() });
        placed.push({ userId, orderId: order.id });
      }
    };
    await Promise.all(Array.from({ length: args.concurrency }, placer));
    const placeSeconds = (performance.now() - placeStart) / 1_000;

    const latencies: number[] = [];
    let pending = placed;
    let lastShippedAt = 0;
    while (pending.length > 0) {
      if (Date.now() > deadline) throw new Error(`--timeout ${args.timeoutSeconds}s: ${pending.length} of ${placed.length} orders not yet SHIPPED`);
      const still: typeof pending = [];
      for (const o of pending) {
        const order = await getOrder(o.userId, o.orderId);
        const shipped = order?.timeline.find((t) => t.status === 'SHIPPED');
        if (!order || !shipped) {
          still.push(o);
          continue;
        }
        const at = Date.parse(shipped.at);
        latencies.push(at - Date.parse(order.createdAt));
        lastShippedAt = Math.max(lastShippedAt, at);
      }
      pending = still;
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 100));
    }
    latencies.sort((a, b) => a - b);
    const wallSeconds = (lastShippedAt - placeStartEpoch) / 1_000;

    const rows: [string, string][] = [
      ['orders', String(placed.length)],
      ['placement concurrency', String(args.concurrency)],
      ['placed per second (placeOrder)', (placed.length / placeSeconds).toFixed(1)],
      ['shipped per second (first placement → last SHIPPED)', (placed.length / wallSeconds).toFixed(1)],
      ['placement → SHIPPED p50 ms', String(percentile(latencies, 50))],
      ['placement → SHIPPED p99 ms', String(percentile(latencies, 99))],
      ['placement → SHIPPED max ms', String(latencies.at(-1))],
      ['warehouse messages completed at stop / handed back (held until due, or failed)', `${worker.stats.deleted} / ${worker.stats.failed}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nOrder pipeline (fulfilment pauses 0 ms; ${new Date().toISOString()})`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.padStart(8)}`);
  } finally {
    await worker.stop();
    await stopOrdersStreamConsumer();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
