import type { Audience, Flag, FlagState } from '@/server/flags/contract';

// Plain-language labels for the admin screen. Pure, so server and browser render the same text (no hydration
// drift) and the wording is unit-tested.

export function describeAudience(audience: Audience): string {
  switch (audience.kind) {
    case 'everyone':
      return 'everyone';
    case 'signed-in':
      return 'signed-in shoppers';
    case 'groups':
      return `${audience.groups.length === 1 ? 'group' : 'groups'} ${audience.groups.join(', ')}`;
  }
}

/** "Off", "On for everyone", "On for 30% of signed-in shoppers". */
export function describeState(state: FlagState): string {
  if (!state.enabled) return 'Off';
  const who = describeAudience(state.audience);
  if (state.rolloutPercent >= 100) return `On for ${who}`;
  if (state.rolloutPercent <= 0) return `On for 0% of ${who} (nobody sees it)`;
  return `On for ${state.rolloutPercent}% of ${who}`;
}

export type FlagBadge = 'On' | 'Off' | 'Limited';

/** Off: nobody. On: every shopper. Limited: some shoppers (a partial rollout or a narrower audience). */
export function flagBadge(state: FlagState): FlagBadge {
  if (!state.enabled || state.rolloutPercent === 0) return 'Off';
  return state.rolloutPercent >= 100 && state.audience.kind === 'everyone' ? 'On' : 'Limited';
}

/** "2025-11-21 05:06 UTC": the same on the server and in every browser. */
export function formatWhen(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

export function describeChange(flag: Pick<Flag, 'version' | 'updatedBy' | 'updatedAt'>): string {
  if (flag.version === 0) return 'Built-in default, never changed';
  return `Version ${flag.version}, changed by ${flag.updatedBy} on ${formatWhen(flag.updatedAt)}`;
}

/** "a, b ,, c" → ["a", "b", "c"] */
export function parseGroups(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== ''),
    ),
  ];
}
