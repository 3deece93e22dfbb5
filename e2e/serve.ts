// Serves the production build for Playwright: a private in-memory local stack with the demo catalog, then
// local/next-server.ts (Next's handler behind the local server's timeouts and refusals, as `npm start` runs it). Everything stops with this process, so a test run leaves no Java or Redis behind.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack';
import { teeServerLog } from './tee-server-log';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : 3107);

// The sandbox payment processor lets only this shop's origin tokenise from a browser.
const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true, storefrontOrigins: [`http://127.0.0.1:${port}`] });
// The simulated warehouse at an e2e pace (server/platform/config/index.ts, FULFILMENT_*): PROCESSING at once, SHIPPED some seconds
// later (long enough for a shopper to cancel from the page first), then DELIVERED and returns quickly. A value set
// in the environment wins.
const FULFILMENT_PACE = {
  FULFILMENT_MODE: 'auto',
  FULFILMENT_PROCESSING_MS: '300',
  FULFILMENT_SHIPPED_MS: '15000',
  // Long enough for the page to show Shipped: its status stream ends at each change and the browser reconnects
  // after a second (docs/orders.md "Live status"), then the page re-reads the order.
  FULFILMENT_DELIVERED_MS: '5000',
  FULFILMENT_RETURN_MS: '1500',
};
for (const [key, value] of Object.entries(FULFILMENT_PACE)) process.env[key] ??= value;
// Every suite signs up its shoppers from 127.0.0.1; the production limit (10 an hour) is proven by accounts.int.test.ts.
process.env.SIGN_UPS_PER_ADDRESS_HOUR ??= '1000';
// catalog-api.spec.ts reads Server-Timing, which production answers only with SERVER_TIMING=on (issue 30 I4).
process.env.SERVER_TIMING ??= 'on';
Object.assign(process.env, stack.env, { SITE_URL: `http://127.0.0.1:${port}` });
// Specs that act on the stack directly (re-import a product, inspect stock) read its endpoints from here.
writeFileSync(join(tmpdir(), `storefront-e2e-${port}.json`), JSON.stringify(stack.env));
const { ensureDemoCatalog } = await import('../local/catalog/ensure-demo-catalog');
await ensureDemoCatalog();

// The server logs at info into a file for the card data scan; the terminal shows LOG_LEVEL's lines (tee-server-log.ts).
const next = spawn(process.execPath, ['--import', 'tsx', 'local/next-server.ts', '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'info' },
});
teeServerLog(next, port, process.env.LOG_LEVEL);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill('SIGTERM');
  await stack.stop();
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
next.on('exit', (code) => void stop(code ?? 1));
