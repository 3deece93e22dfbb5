import { describe, expect, it } from 'vitest';
import { revertBodySchema } from './revert-flag';
import { flagPatchSchema } from './update-flag';

describe('PATCH /api/admin/flags/[key] body', () => {
  it.each([
    [{ enabled: false, expectedVersion: 3 }],
    [{ rolloutPercent: 30, expectedVersion: 0 }],
    [{ audience: { kind: 'groups', groups: ['marketers'] }, expectedVersion: 1 }],
    [{ enabled: true, rolloutPercent: 100, audience: { kind: 'signed-in' }, expectedVersion: 7 }],
  ])('accepts %j', (body) => {
    expect(flagPatchSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['no expectedVersion (a blind overwrite)', { enabled: false }],
    ['nothing to change', { expectedVersion: 1 }],
    ['a rollout above 100', { rolloutPercent: 101, expectedVersion: 1 }],
    ['a fractional rollout', { rolloutPercent: 12.5, expectedVersion: 1 }],
    ['a negative rollout', { rolloutPercent: -1, expectedVersion: 1 }],
    ['an unknown audience', { audience: { kind: 'vip' }, expectedVersion: 1 }],
    ['a group audience without groups', { audience: { kind: 'groups', groups: [] }, expectedVersion: 1 }],
    ['a group name with spaces', { audience: { kind: 'groups', groups: ['a b'] }, expectedVersion: 1 }],
    ['fields the marketer does not own', { enabled: true, description: 'x', expectedVersion: 1 }],
    ['a version sent as a string', { enabled: true, expectedVersion: '1' }],
    ['enabled as a string', { enabled: 'false', expectedVersion: 1 }],
  ])('refuses %s', (_name, body) => {
    expect(flagPatchSchema.safeParse(body).success).toBe(false);
  });
});

describe('revert body', () => {
  it('takes a history entry id and the version the marketer saw', () => {
    const entryId = '0000000003#2025-11-21T05:06:14.123Z';
    expect(revertBodySchema.safeParse({ entryId, expectedVersion: 4 }).success).toBe(true);
    expect(revertBodySchema.safeParse({ entryId: '3', expectedVersion: 4 }).success).toBe(false);
    expect(revertBodySchema.safeParse({ entryId: '0000000003#yesterday', expectedVersion: 4 }).success).toBe(false);
    expect(revertBodySchema.safeParse({ entryId }).success).toBe(false);
  });
});
