import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test as teardown } from '@playwright/test';
import { serverLogFile } from './tee-server-log';

const run = promisify(execFile);

// Runs after every spec of the chromium project (playwright.config.ts, `teardown`), while the stack still runs:
// the server's log of the whole run (e2e/serve.ts tees it) and every item of every table must be free of card
// numbers (tests/card-data/scan.ts).
teardown('no card number in any server log line or table item after the suite', async ({ baseURL }) => {
  // A Scan of every table of the run's stack, from a fresh tsx process.
  teardown.setTimeout(180_000);
  const port = new URL(baseURL!).port;
  const envFile = join(tmpdir(), `storefront-e2e-${port}.json`);
  const log = serverLogFile(port);
  expect(existsSync(log) && statSync(log).size > 0, `the server log ${log} is missing or empty`).toBe(true);
  const outcome = await run('npx', ['tsx', 'tests/card-data/scan-cli.ts', '--env', envFile, '--log', log]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? 1, stdout: err.stdout ?? '' }),
  );
  const report = JSON.parse(outcome.stdout.trim().split('\n').pop() ?? '{}') as { tables?: number; items?: number; findings?: unknown[] };
  expect(report.tables, 'tables scanned').toBeGreaterThan(5);
  expect(report.items, 'items scanned').toBeGreaterThan(0);
  expect(report.findings).toEqual([]);
  expect(outcome.code).toBe(0);
});
