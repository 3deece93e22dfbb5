import { describe, expect, it } from 'vitest';
import { rolloutBucket } from './bucket';
import type { Audience } from './contract';
import { bucketingId, type EvaluableFlag, evaluateFlag, evaluateFlags, type FlagSubject, gateVerdict } from './evaluate-flag';

const anonymous: FlagSubject = { userId: null, groups: [], anonId: 'AAAAAAAAAAAAAAAAAAAAAA' };
const noId: FlagSubject = { userId: null, groups: [], anonId: null };
const shopper: FlagSubject = { userId: 'user-shopper', groups: [], anonId: 'AAAAAAAAAAAAAAAAAAAAAA' };
const marketer: FlagSubject = { userId: 'user-marketer', groups: ['marketers'], anonId: null };

const everyone: Audience = { kind: 'everyone' };
const signedIn: Audience = { kind: 'signed-in' };
const marketers: Audience = { kind: 'groups', groups: ['marketers', 'staff'] };

function flag(enabled: boolean, rolloutPercent: number, audience: Audience, key = 'test-flag'): EvaluableFlag {
  return { key, enabled, rolloutPercent, audience };
}

/** A flag key whose bucket for `subject` is below / at-or-above `percent`, found by search so the table is exact. */
function keyWhere(subject: FlagSubject, percent: number, inside: boolean): string {
  const id = bucketingId(subject)!;
  for (let i = 0; i < 10_000; i++) {
    const key = `probe-${i}`;
    if (rolloutBucket(key, id) < percent * 100 === inside) return key;
  }
  throw new Error('no key found');
}

describe('evaluateFlag: the whole table', () => {
  // [case, flag, subject, expected]
  const cases: [string, EvaluableFlag, FlagSubject, boolean][] = [
    // The kill switch wins over everything.
    ['off, everyone, 100% → off', flag(false, 100, everyone), anonymous, false],
    ['off, signed-in, 100%, signed in → off', flag(false, 100, signedIn), shopper, false],
    ['off, groups, 100%, in group → off', flag(false, 100, marketers), marketer, false],
    // Audience: everyone.
    ['on, everyone, 100%, anonymous → on', flag(true, 100, everyone), anonymous, true],
    ['on, everyone, 100%, no id at all → on', flag(true, 100, everyone), noId, true],
    ['on, everyone, 100%, signed in → on', flag(true, 100, everyone), shopper, true],
    ['on, everyone, 0% → off', flag(true, 0, everyone), shopper, false],
    ['on, everyone, 0%, anonymous → off', flag(true, 0, everyone), anonymous, false],
    // Audience: signed-in.
    ['on, signed-in, 100%, anonymous → off', flag(true, 100, signedIn), anonymous, false],
    ['on, signed-in, 100%, signed in → on', flag(true, 100, signedIn), shopper, true],
    ['on, signed-in, 0%, signed in → off', flag(true, 0, signedIn), shopper, false],
    // Audience: groups.
    ['on, groups, 100%, anonymous → off', flag(true, 100, marketers), anonymous, false],
    ['on, groups, 100%, signed in without the group → off', flag(true, 100, marketers), shopper, false],
    ['on, groups, 100%, in one of the groups → on', flag(true, 100, marketers), marketer, true],
    [
      'on, groups, 100%, groups without a user id (never trusted) → off',
      flag(true, 100, marketers),
      { userId: null, groups: ['marketers'], anonId: null },
      false,
    ],
    ['on, groups, 0%, in the group → off', flag(true, 0, marketers), marketer, false],
    // Partial rollout: the subject's bucket decides.
    ['on, everyone, 50%, anonymous inside the bucket → on', flag(true, 50, everyone, keyWhere(anonymous, 50, true)), anonymous, true],
    ['on, everyone, 50%, anonymous outside the bucket → off', flag(true, 50, everyone, keyWhere(anonymous, 50, false)), anonymous, false],
    ['on, everyone, 50%, signed in inside → on', flag(true, 50, everyone, keyWhere(shopper, 50, true)), shopper, true],
    ['on, everyone, 50%, signed in outside → off', flag(true, 50, everyone, keyWhere(shopper, 50, false)), shopper, false],
    ['on, signed-in, 30%, signed in inside → on', flag(true, 30, signedIn, keyWhere(shopper, 30, true)), shopper, true],
    ['on, signed-in, 30%, signed in outside → off', flag(true, 30, signedIn, keyWhere(shopper, 30, false)), shopper, false],
    ['on, groups, 10%, in group inside → on', flag(true, 10, marketers, keyWhere(marketer, 10, true)), marketer, true],
    ['on, groups, 10%, in group outside → off', flag(true, 10, marketers, keyWhere(marketer, 10, false)), marketer, false],
    ['on, everyone, 99%, no id at all → off (no random bucket per request)', flag(true, 99, everyone), noId, false],
    ['on, everyone, 1%, no id at all → off', flag(true, 1, everyone), noId, false],
  ];

  it.each(cases)('%s', (_name, f, subject, expected) => {
    expect(evaluateFlag(f, subject)).toBe(expected);
  });

  it('buckets a signed-in shopper by user id, not by the anonymous cookie', () => {
    const a = { ...shopper, anonId: 'BBBBBBBBBBBBBBBBBBBBBB' };
    for (let i = 0; i < 200; i++) {
      const f = flag(true, 50, everyone, `k-${i}`);
      expect(evaluateFlag(f, a)).toBe(evaluateFlag(f, shopper));
    }
  });

  it('keeps user ids and anonymous ids in separate bucket spaces', () => {
    expect(bucketingId({ userId: 'x', anonId: null })).not.toBe(bucketingId({ userId: null, anonId: 'x' }));
  });

  it('evaluates a set of flags for one subject', () => {
    const out = evaluateFlags([flag(true, 100, everyone, 'a'), flag(false, 100, everyone, 'b'), flag(true, 100, signedIn, 'c')], anonymous);
    expect(Object.fromEntries(out)).toEqual({ a: true, b: false, c: false });
  });
});

describe('gateVerdict: middleware without the shopper groups', () => {
  it('defers a group audience for a signed-in shopper to the page', () => {
    expect(gateVerdict(flag(true, 100, marketers), { userId: 'u', anonId: null })).toBe('defer');
  });
  it('still closes the gate when the kill switch is off', () => {
    expect(gateVerdict(flag(false, 100, marketers), { userId: 'u', anonId: null })).toBe('off');
  });
  it('closes a group audience for an anonymous shopper (groups need a session)', () => {
    expect(gateVerdict(flag(true, 100, marketers), { userId: null, anonId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toBe('off');
  });
  it('decides on its own when groups are given', () => {
    expect(gateVerdict(flag(true, 100, marketers), { userId: 'u', groups: ['marketers'], anonId: null })).toBe('on');
    expect(gateVerdict(flag(true, 100, marketers), { userId: 'u', groups: [], anonId: null })).toBe('off');
  });
  it('decides audiences that need no groups', () => {
    expect(gateVerdict(flag(true, 100, everyone), { userId: null, anonId: null })).toBe('on');
    expect(gateVerdict(flag(true, 100, signedIn), { userId: null, anonId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toBe('off');
  });
});
