import { createServer } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAwsClientsForTests } from '../platform/aws/clients';
import { resetConfigForTests } from '../platform/config';
import type { FlagActor } from './contract';
import { resetFlagSettingsForTests } from './flag-settings';
import { getStoredFlag } from './flag-store';
import { flagMiddlewareStep } from './middleware-flags';
import { resetSharedFlagCacheForTests } from './shared-flag-cache';
import { updateFlag } from './update-flag';

// The middleware step on the real flag table, then with DynamoDB gone: it keeps serving the last known flags, and the
// built-in defaults in a process that never reached DynamoDB, without making requests wait on the outage.

const marketer: FlagActor = { id: 'sub-marketer', email: 'marketer@example.com', name: 'Morgan', groups: ['marketers'] };
const TTL_MS = 200;
const BUDGET_MS = 400;

const realEndpoint = process.env.DYNAMODB_ENDPOINT;

async function closedPortUrl(): Promise<string> {
  // A port that was free a moment ago: connections to it are refused, like a DynamoDB that has gone away.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function pointDynamoAt(endpoint: string | undefined): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  resetConfigForTests();
  resetAwsClientsForTests();
}

async function gate(path: string): Promise<{ status: number | null; ms: number }> {
  const req = new NextRequest(`http://127.0.0.1:3000${path}`);
  const t0 = performance.now();
  const step = await flagMiddlewareStep(req, new Headers(req.headers), { userId: null });
  return { status: step.response?.status ?? null, ms: performance.now() - t0 };
}

/** Until the TTL has passed: the next gate() must go back to DynamoDB. Polls the clock, not the cache. */
async function pastTtl(since: number): Promise<void> {
  while (performance.now() - since <= TTL_MS) await new Promise((r) => setTimeout(r, 20));
}

async function setStoreLocator(enabled: boolean): Promise<void> {
  const current = (await getStoredFlag('store-locator'))!;
  if (current.enabled !== enabled) await updateFlag(marketer, 'store-locator', { enabled, expectedVersion: current.version });
}

beforeAll(() => {
  process.env.FLAGS_CACHE_TTL_MS = String(TTL_MS);
  process.env.FLAGS_REFRESH_BUDGET_MS = String(BUDGET_MS);
  resetFlagSettingsForTests();
  resetSharedFlagCacheForTests();
});

afterAll(async () => {
  pointDynamoAt(realEndpoint);
  await setStoreLocator(true);
  delete process.env.FLAGS_CACHE_TTL_MS;
  delete process.env.FLAGS_REFRESH_BUDGET_MS;
  resetFlagSettingsForTests();
  resetSharedFlagCacheForTests();
});

describe('middleware flag gate on DynamoDB Local', () => {
  it('404s /stores once a marketer turns store-locator off, and serves it again when back on', async () => {
    await setStoreLocator(true);
    expect((await gate('/stores')).status).toBeNull();
    await setStoreLocator(false);
    expect((await gate('/stores')).status).toBe(404);
    expect((await gate('/api/stores')).status).toBe(404);
    await setStoreLocator(true);
    expect((await gate('/stores')).status).toBeNull();
  });

  it('sees a change written by another instance within the TTL', async () => {
    await gate('/stores'); // warm
    const t = performance.now();
    // Written behind this instance's back: no invalidate() reaches its cache.
    const { writeFlagWithAudit } = await import('./flag-store');
    const { auditEntryId } = await import('../platform/db');
    const current = (await getStoredFlag('store-locator'))!;
    const at = new Date().toISOString();
    const next = { ...current, enabled: false, version: current.version + 1, updatedBy: 'other instance', updatedAt: at };
    const state = { enabled: false, rolloutPercent: current.rolloutPercent, audience: current.audience };
    await writeFlagWithAudit(next, current.version, {
      flagKey: 'store-locator',
      entryId: auditEntryId(next.version, at),
      version: next.version,
      action: 'update',
      at,
      by: 'other instance',
      byId: 'other',
      before: { ...state, enabled: true },
      after: state,
    });
    await pastTtl(t);
    expect((await gate('/stores')).status).toBe(404);
  });
});

describe('DynamoDB outage', () => {
  it('keeps serving the last known flags, without waiting on DynamoDB past the budget', async () => {
    // store-locator is off (previous test) and this instance knows it.
    expect((await gate('/stores')).status).toBe(404);
    const t = performance.now();
    pointDynamoAt(await closedPortUrl());
    await pastTtl(t);

    const first = await gate('/stores');
    expect(first.status).toBe(404);
    expect(first.ms).toBeLessThan(BUDGET_MS + 300);
    // The requests after it do not wait on the outage again (well under the budget, on a busy machine too).
    for (let i = 0; i < 20; i++) {
      const r = await gate('/stores');
      expect(r.status).toBe(404);
      expect(r.ms).toBeLessThan(BUDGET_MS / 4);
    }
  });

  it('serves the built-in defaults in a process that never reached DynamoDB', async () => {
    resetSharedFlagCacheForTests();
    const r = await gate('/stores');
    // Built-in default: store-locator on, even though the stored (unreachable) flag says off.
    expect(r.status).toBeNull();
    expect(r.ms).toBeLessThan(BUDGET_MS + 300);
  });

  it('picks up the stored flags again when DynamoDB is back', async () => {
    pointDynamoAt(realEndpoint);
    // Once the failed refresh has given up (SDK retries, at most the 2 s load timeout) and the retry pause has
    // passed, a request reads DynamoDB again.
    await expect.poll(async () => (await gate('/stores')).status, { timeout: 5_000, interval: 100 }).toBe(404);
  });
});
