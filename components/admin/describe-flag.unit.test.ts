import { describe, expect, it } from 'vitest';
import { describeChange, describeState, flagBadge, formatWhen, parseGroups } from './describe-flag';

describe('admin flag wording', () => {
  it.each([
    [{ enabled: false, rolloutPercent: 100, audience: { kind: 'everyone' } }, 'Off', 'Off'],
    [{ enabled: true, rolloutPercent: 100, audience: { kind: 'everyone' } }, 'On for everyone', 'On'],
    [{ enabled: true, rolloutPercent: 30, audience: { kind: 'everyone' } }, 'On for 30% of everyone', 'Limited'],
    [{ enabled: true, rolloutPercent: 100, audience: { kind: 'signed-in' } }, 'On for signed-in shoppers', 'Limited'],
    [{ enabled: true, rolloutPercent: 0, audience: { kind: 'signed-in' } }, 'On for 0% of signed-in shoppers (nobody sees it)', 'Off'],
    [{ enabled: true, rolloutPercent: 50, audience: { kind: 'groups', groups: ['marketers', 'staff'] } }, 'On for 50% of groups marketers, staff', 'Limited'],
    [{ enabled: true, rolloutPercent: 100, audience: { kind: 'groups', groups: ['marketers'] } }, 'On for group marketers', 'Limited'],
  ] as const)('%j reads "%s" with badge %s', (state, text, badge) => {
    const s = { ...state, audience: state.audience.kind === 'groups' ? { kind: 'groups' as const, groups: [...state.audience.groups] } : state.audience };
    expect(describeState(s)).toBe(text);
    expect(flagBadge(s)).toBe(badge);
  });

  it('formats times the same everywhere', () => {
    expect(formatWhen('2025-11-21T05:06:14.123Z')).toBe('2025-11-21 05:06 UTC');
    expect(describeChange({ version: 0, updatedBy: 'built-in default', updatedAt: '1970-01-01T00:00:00.000Z' })).toBe('Built-in default, never changed');
    expect(describeChange({ version: 3, updatedBy: 'marketer@example.com', updatedAt: '2025-11-21T05:06:14.123Z' })).toBe(
      'Version 3, changed by marketer@example.com on 2025-11-21 05:06 UTC',
    );
  });

  it('reads a comma-separated group list', () => {
    expect(parseGroups(' marketers, staff ,,marketers ')).toEqual(['marketers', 'staff']);
    expect(parseGroups('')).toEqual([]);
  });
});
