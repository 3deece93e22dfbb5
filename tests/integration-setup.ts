import type { TestProject } from 'vitest/node';
import { startStack } from '../local/stack';
import { integrationLogFile, startIntegrationLog } from './card-data/integration-log';

// Vitest globalSetup of the `integration` project: one throwaway local stack (in-memory DynamoDB Local, a temp
// cognito-local folder, its own redis-server) on free ports, so parallel runs and a running `npm run dev` never
// collide. Test workers are forked after this runs and inherit process.env (vitest builds their env from
// process.env at pool start), so server/platform/config/index.ts in the tests reads the stack's endpoints as is.
// The same env is also provided as `inject('localStackEnv')` for tests that want it explicitly, and the stand-ins'
// process ids as `inject('localStackPids')` for the fault suite (tests/hardening/support/freeze.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    localStackEnv: Record<string, string>;
    localStackPids: { dynamodb: number; cognito: number };
    /** cognito-local's working folder: its users, and a pending password-reset code, are under .cognito/db. */
    cognitoLocalDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Isolation: tests may write or flush Redis, so never point them at a developer's REDIS_URL.
  delete process.env.REDIS_URL;
  const stack = await startStack({ dataDir: 'memory', ports: 'auto', quiet: true });
  // startStack already applied the env to process.env (provision); this states the contract.
  Object.assign(process.env, stack.env);
  // Suites share the stack's tables and reset the search index at will: a snapshot written at one suite's moment
  // would be a stale start for the next. The snapshot suite (server/search/search-snapshot.int.test.ts) sets
  // the stack's bucket itself (inject('localStackEnv')) under its own tables' keys; S3_ENDPOINT (fauxqs) stays.
  process.env.SEARCH_SNAPSHOT_BUCKET = '';
  // Suites read the inbox right after the code that mails: mail is sent inline here. The mail queue's suite
  // (server/notifications/mail-queue.int.test.ts) turns the stack's queue on itself; e2e and the Lambda package
  // test run with it (docs/orders.md "Mail").
  process.env.MAIL_QUEUE_URL = '';
  project.provide('localStackEnv', stack.env);
  project.provide('localStackPids', stack.details.pids);
  project.provide('cognitoLocalDir', stack.details.cognitoDir);
  startIntegrationLog();
  return async () => {
    try {
      await assertNoCardData();
    } finally {
      await stack.stop();
    }
  };
}

/** After the run: no card number in any logged line or table item (tests/card-data/scan.ts); a finding fails the run. */
async function assertNoCardData(): Promise<void> {
  const { scanLogFile, scanTables } = await import('./card-data/scan');
  const findings = [...scanLogFile(integrationLogFile()), ...(await scanTables()).findings];
  if (findings.length > 0) throw new Error(`Card data found after the integration run: ${JSON.stringify(findings)}`);
}
