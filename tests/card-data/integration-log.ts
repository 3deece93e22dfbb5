import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The integration run's console output (the server code's log lines), kept for the card data scan that the
// integration setup's teardown runs. vitest.config.ts's onConsoleLog and the global setup both run in vitest's main
// process, so the process id names the run's file.

export const integrationLogFile = (): string => join(tmpdir(), `storefront-integration-${process.pid}.log`);

/** Called by the integration setup: from now on this process's console lines are kept. */
export function startIntegrationLog(): void {
  writeFileSync(integrationLogFile(), '');
  process.env.STOREFRONT_INTEGRATION_LOG = integrationLogFile();
}

export function appendIntegrationLog(line: string): void {
  const file = process.env.STOREFRONT_INTEGRATION_LOG;
  if (file) appendFileSync(file, line.endsWith('\n') ? line : `${line}\n`);
}
