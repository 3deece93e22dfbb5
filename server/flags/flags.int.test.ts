import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoDoc } from '../platform/aws/clients';
import { auditEntryId } from '../platform/db';
import { tableName } from '../platform/db/tables';
import { AppError } from '../platform/errors';
import { changeFlag } from './change-flag';
import type { FlagActor } from './contract';
import { flagHistory } from './flag-history';
import { getStoredFlag, queryAudit } from './flag-store';
import { listFlags } from './list-flags';
import { revertFlag } from './revert-flag';
import { seedFlags } from './seed-flags';
import { updateFlag } from './update-flag';

// Against DynamoDB Local (tests/integration-setup.ts): optimistic locking, the audit entry written with each change,
// revert, and seeding that never undoes a marketer's change.

const marketer: FlagActor = { id: 'sub-marketer', email: 'marketer@example.com', name: 'Morgan', groups: ['marketers'] };
const otherMarketer: FlagActor = { id: 'sub-other', email: 'other@example.com', name: 'Olu', groups: ['marketers'] };
const shopper: FlagActor = { id: 'sub-shopper', email: 'shopper@example.com', name: 'Sam', groups: [] };

async function versionOf(key: string): Promise<number> {
  return (await getStoredFlag(key))?.version ?? 0;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('seeding', () => {
  it('stores every built-in flag once, with a seed entry, and is idempotent', async () => {
    await seedFlags(); // provisioning already ran it; running it again must change nothing
    const again = await seedFlags();
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(['chat-assistant', 'free-shipping-banner', 'recommendations', 'store-locator', 'top-sellers']);
    const history = await queryAudit('top-sellers', 100);
    expect(history.filter((e) => e.action === 'seed')).toHaveLength(1);
  });

  it('never resets a flag a marketer changed', async () => {
    const v = await versionOf('chat-assistant');
    await updateFlag(marketer, 'chat-assistant', { rolloutPercent: 40, expectedVersion: v });
    await seedFlags();
    expect((await getStoredFlag('chat-assistant'))?.rolloutPercent).toBe(40);
    await updateFlag(marketer, 'chat-assistant', { rolloutPercent: 100, expectedVersion: v + 1 });
  });

  it('creates a built-in flag on its first change when it was never seeded (version 0)', async () => {
    await dynamoDoc().send(new DeleteCommand({ TableName: tableName('flags'), Key: { key: 'recommendations' } }));
    const listed = (await listFlags(marketer)).find((f) => f.key === 'recommendations');
    expect(listed).toMatchObject({ version: 0, enabled: true, updatedBy: 'built-in default' });
    // Its old history is still there; the new entries must not collide with it.
    const created = await updateFlag(marketer, 'recommendations', { rolloutPercent: 90, expectedVersion: 0 });
    expect(created).toMatchObject({ version: 1, rolloutPercent: 90, updatedBy: 'marketer@example.com' });
    const [entry] = await queryAudit('recommendations', 1);
    expect(entry).toMatchObject({ version: 1, action: 'update', before: { rolloutPercent: 100 }, after: { rolloutPercent: 90 } });
    expect((await seedFlags()).existing).toContain('recommendations');
    await updateFlag(marketer, 'recommendations', { rolloutPercent: 100, expectedVersion: 1 });
  });
});

describe('changing a flag', () => {
  it('bumps the version, records who and when, and appends before/after in the same write', async () => {
    const before = (await getStoredFlag('free-shipping-banner'))!;
    const t0 = Date.now();
    const updated = await updateFlag(marketer, 'free-shipping-banner', { enabled: false, rolloutPercent: 50, expectedVersion: before.version });
    expect(updated).toMatchObject({
      key: 'free-shipping-banner',
      enabled: false,
      rolloutPercent: 50,
      version: before.version + 1,
      updatedBy: 'marketer@example.com',
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(await getStoredFlag('free-shipping-banner')).toEqual(updated);

    const [latest] = await queryAudit('free-shipping-banner', 1);
    expect(latest).toMatchObject({
      entryId: auditEntryId(updated.version, updated.updatedAt),
      version: updated.version,
      action: 'update',
      by: 'marketer@example.com',
      byId: 'sub-marketer',
      before: { enabled: before.enabled, rolloutPercent: before.rolloutPercent, audience: before.audience },
      after: { enabled: false, rolloutPercent: 50, audience: before.audience },
    });
    expect(latest!.at).toBe(updated.updatedAt);
  });

  it('answers 409 with the current version for a stale expectedVersion, and writes nothing', async () => {
    const current = (await getStoredFlag('free-shipping-banner'))!;
    const historyBefore = await queryAudit('free-shipping-banner', 100);
    const err = await rejection(updateFlag(otherMarketer, 'free-shipping-banner', { enabled: true, expectedVersion: current.version - 1 }));
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(err.status).toBe(409);
    expect(err.details).toMatchObject({ currentVersion: current.version, current: { key: 'free-shipping-banner', version: current.version } });
    expect(await getStoredFlag('free-shipping-banner')).toEqual(current);
    expect(await queryAudit('free-shipping-banner', 100)).toHaveLength(historyBefore.length);
  });

  it('lets exactly one of several simultaneous edits of the same version win; the others get 409', async () => {
    const v = await versionOf('top-sellers');
    const results = await Promise.allSettled(
      [10, 20, 30, 40, 50].map((rolloutPercent) => updateFlag(marketer, 'top-sellers', { rolloutPercent, expectedVersion: v })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) expect((r.reason as AppError).code).toBe('VERSION_CONFLICT');
    const stored = (await getStoredFlag('top-sellers'))!;
    expect(stored.version).toBe(v + 1);
    const [entry] = await queryAudit('top-sellers', 1);
    expect(entry?.after.rolloutPercent).toBe(stored.rolloutPercent);
    await updateFlag(marketer, 'top-sellers', { rolloutPercent: 100, expectedVersion: v + 1 });
  });

  it('leaves the flag untouched when its audit entry cannot be written (one transaction)', async () => {
    const current = (await getStoredFlag('store-locator'))!;
    // Occupy the audit slot the next change will take (a frozen clock makes its id predictable).
    const at = new Date('2030-01-01T00:00:00.000Z');
    const slot = { flagKey: 'store-locator', entryId: auditEntryId(current.version + 1, at.toISOString()) };
    await dynamoDoc().send(new PutCommand({ TableName: tableName('flagAudit'), Item: { ...slot, junk: true } }));
    try {
      const change = {
        actor: marketer,
        key: 'store-locator',
        expectedVersion: current.version,
        action: 'update' as const,
        next: () => ({ ...current, enabled: !current.enabled }),
      };
      const err = await rejection(changeFlag(change, () => at));
      expect(err.code).toBe('CONFLICT');
      expect(await getStoredFlag('store-locator')).toEqual(current);
    } finally {
      await dynamoDoc().send(new DeleteCommand({ TableName: tableName('flagAudit'), Key: slot }));
    }
  });

  it('refuses non-marketers with 403 and writes nothing', async () => {
    const current = (await getStoredFlag('store-locator'))!;
    const err = await rejection(updateFlag(shopper, 'store-locator', { enabled: false, expectedVersion: current.version }));
    expect(err.code).toBe('FORBIDDEN');
    expect((await rejection(listFlags(shopper))).code).toBe('FORBIDDEN');
    expect((await rejection(flagHistory(shopper, 'store-locator', { limit: 24 }))).code).toBe('FORBIDDEN');
    expect(await getStoredFlag('store-locator')).toEqual(current);
  });

  it('answers 404 for an unknown flag', async () => {
    expect((await rejection(updateFlag(marketer, 'no-such-flag', { enabled: false, expectedVersion: 1 }))).code).toBe('NOT_FOUND');
  });

  it('writes nothing for a save that changes nothing', async () => {
    const current = (await getStoredFlag('store-locator'))!;
    expect(await updateFlag(marketer, 'store-locator', { enabled: current.enabled, expectedVersion: current.version })).toEqual(current);
    expect(await versionOf('store-locator')).toBe(current.version);
  });
});

describe('history and revert', () => {
  it('reverts to the values before a chosen change, as a new audited change', async () => {
    const start = (await getStoredFlag('recommendations'))!;
    const a = await updateFlag(marketer, 'recommendations', { rolloutPercent: 25, expectedVersion: start.version });
    const b = await updateFlag(otherMarketer, 'recommendations', { audience: { kind: 'signed-in' }, expectedVersion: a.version });
    const page = await flagHistory(marketer, 'recommendations', { limit: 24 });
    const changeA = page.entries.find((e) => e.version === a.version)!;

    const reverted = await revertFlag(marketer, 'recommendations', { entryId: changeA.entryId, expectedVersion: b.version });
    expect(reverted).toMatchObject({ rolloutPercent: start.rolloutPercent, audience: start.audience, enabled: start.enabled, version: b.version + 1 });
    const [entry] = (await flagHistory(marketer, 'recommendations', { limit: 1 })).entries;
    expect(entry).toMatchObject({
      action: 'revert',
      revertOf: changeA.entryId,
      before: { audience: { kind: 'signed-in' }, rolloutPercent: 25 },
      after: { rolloutPercent: start.rolloutPercent },
    });
  });

  it('refuses a revert from a stale page with 409', async () => {
    const current = (await getStoredFlag('recommendations'))!;
    const [entry] = (await flagHistory(marketer, 'recommendations', { limit: 1 })).entries;
    const err = await rejection(revertFlag(marketer, 'recommendations', { entryId: entry!.entryId, expectedVersion: current.version - 1 }));
    expect(err.code).toBe('VERSION_CONFLICT');
  });

  it('cannot revert the entry that created the flag', async () => {
    const current = (await getStoredFlag('recommendations'))!;
    const seedEntry = (await flagHistory(marketer, 'recommendations', { limit: 100 })).entries.find((e) => e.action === 'seed')!;
    const err = await rejection(revertFlag(marketer, 'recommendations', { entryId: seedEntry.entryId, expectedVersion: current.version }));
    expect(err.code).toBe('BAD_REQUEST');
  });

  it('pages history newest first with an opaque cursor and nextCursor null at the end', async () => {
    const all = (await flagHistory(marketer, 'recommendations', { limit: 100 })).entries;
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((e) => e.version)).toEqual([...all.map((e) => e.version)].sort((x, y) => y - x));
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await flagHistory(marketer, 'recommendations', { limit: 2, cursor });
      seen.push(...page.entries.map((e) => e.version));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.version));
    expect((await rejection(flagHistory(marketer, 'recommendations', { limit: 2, cursor: 'garbage' }))).code).toBe('INVALID_CURSOR');
  });
});
