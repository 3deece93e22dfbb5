import { describe, expect, it } from 'vitest';
import { rolloutBucket } from './bucket';
import { evaluateFlag } from './evaluate-flag';
import { flagExposure } from './flag-exposure';

const flag = (rolloutPercent: number, enabled = true) => ({ key: 'top-sellers', enabled, rolloutPercent, audience: { kind: 'everyone' as const } });
const subject = { userId: null, groups: [], anonId: 'AAAAAAAAAAAAAAAAAAAAAA' };

describe('flag exposures for experiments', () => {
  it('records the side and bucket of a shopper in a partial rollout', () => {
    const f = flag(30);
    const on = evaluateFlag(f, subject);
    expect(flagExposure(f, subject, on)).toEqual({
      flagKey: 'top-sellers',
      variant: on ? 'on' : 'off',
      bucket: rolloutBucket('top-sellers', `anon:${subject.anonId}`),
      rolloutPercent: 30,
    });
  });

  it('records nothing for a flag fully on, fully off, switched off, or a shopper with no bucketing id', () => {
    expect(flagExposure(flag(100), subject, true)).toBeNull();
    expect(flagExposure(flag(0), subject, false)).toBeNull();
    expect(flagExposure(flag(50, false), subject, false)).toBeNull();
    expect(flagExposure(flag(50), { ...subject, anonId: null }, false)).toBeNull();
  });

  it('records nothing for a shopper outside the audience', () => {
    const signedIn = { ...flag(50), audience: { kind: 'signed-in' as const } };
    expect(flagExposure(signedIn, subject, false)).toBeNull();
  });
});
