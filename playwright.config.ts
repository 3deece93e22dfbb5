import { defineConfig } from '@playwright/test';

// Drives the production build (local/next-server.ts) on a private, in-memory local stack started by e2e/serve.ts.
const port = Number(process.env.E2E_PORT ?? 3107);
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // After the specs, the card data scan (e2e/card-data-scan.teardown.ts) reads the server log and every table.
    { name: 'chromium', use: { browserName: 'chromium' }, teardown: 'card-data-scan' },
    { name: 'card-data-scan', testMatch: /card-data-scan\.teardown\.ts/ },
  ],
  webServer: {
    command: `npx tsx e2e/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/api/categories`,
    // E2E_SERVER_TIMEOUT_MS: a machine this loaded can take longer than 3 minutes to start the stack and the server.
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS) || 180_000,
    reuseExistingServer: false,
    // One info line per API call would bury the failures in CI's output; LOG_LEVEL=info shows them again.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
