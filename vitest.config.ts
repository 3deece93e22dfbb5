import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { appendIntegrationLog } from './tests/card-data/integration-log';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}tests/server-only-stub.ts` },
    ],
  },
  test: {
    // During an integration run, every console line also goes to a file its teardown scans for card numbers
    // (tests/card-data/integration-log.ts); otherwise this does nothing.
    onConsoleLog: (log) => {
      appendIntegrationLog(log);
    },
    exclude: ['**/node_modules/**', '.next/**', '.open-next/**', 'e2e/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.unit.test.ts', '**/*.unit.test.tsx'],
          exclude: ['**/node_modules/**', '.next/**'],
          // Limits on a stuck test, not speed checks (speed is benchmarked): some unit files import the middleware
          // or the npm atlases, which took over 5 s (10 s for a hook) on a 2-core machine under a load average of 20.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '.next/**'],
          globalSetup: ['tests/integration-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
