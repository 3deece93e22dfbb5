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
        test: { name: 'unit', include: ['**/*.unit.test.ts', '**/*.unit.test.tsx'], exclude: ['**/node_modules/**', '.next/**'] },
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
