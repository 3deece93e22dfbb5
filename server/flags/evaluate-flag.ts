import { inRollout } from './bucket';
import type { Audience, Flag } from './contract';

// The one evaluation rule, pure: kill switch, then audience, then rollout bucket.
//   enabled false                      → off, whatever else is set
//   audience not matched               → off
//   rolloutPercent 100                 → on
//   rolloutPercent 0                   → off
//   otherwise                          → on when the subject's stable bucket is inside the percentage
// The bucket is keyed by the user id when signed in (same answer on every device) and by the long-lived sf_anon
// cookie otherwise, so it never flickers between requests. A subject with neither is left out of partial
// rollouts rather than given a random bucket per request.

export type FlagSubject = {
  /** Verified user id (Cognito sub), or null when signed out. */
  userId: string | null;
  /** Verified Cognito groups; empty when signed out. */
  groups: readonly string[];
  /** The sf_anon cookie's value, or null when there is none. */
  anonId: string | null;
};

export type EvaluableFlag = Pick<Flag, 'key' | 'enabled' | 'rolloutPercent' | 'audience'>;

export function inAudience(audience: Audience, subject: Pick<FlagSubject, 'userId' | 'groups'>): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'signed-in':
      return subject.userId !== null;
    case 'groups':
      return subject.userId !== null && audience.groups.some((g) => subject.groups.includes(g));
  }
}

/** The id a subject is bucketed by; namespaced so a user id can never collide with an anonymous id. */
export function bucketingId(subject: Pick<FlagSubject, 'userId' | 'anonId'>): string | null {
  if (subject.userId) return `user:${subject.userId}`;
  if (subject.anonId) return `anon:${subject.anonId}`;
  return null;
}

export function evaluateFlag(flag: EvaluableFlag, subject: FlagSubject): boolean {
  if (!flag.enabled) return false;
  if (!inAudience(flag.audience, subject)) return false;
  if (flag.rolloutPercent >= 100) return true;
  const id = bucketingId(subject);
  if (id === null) return false;
  return inRollout(flag.key, id, flag.rolloutPercent);
}

/** Every flag in `flags`, evaluated for one subject. */
export function evaluateFlags(flags: Iterable<EvaluableFlag>, subject: FlagSubject): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const flag of flags) out.set(flag.key, evaluateFlag(flag, subject));
  return out;
}

/**
 * Middleware's verdict when it may not know the shopper's groups (its session step yields the user id only):
 * 'defer' when the answer depends on groups it was not given. The page behind it evaluates again with the
 * verified groups, so deferring lets a request through to a check that is just as strict.
 */
export function gateVerdict(flag: EvaluableFlag, subject: Omit<FlagSubject, 'groups'> & { groups?: readonly string[] }): 'on' | 'off' | 'defer' {
  if (subject.groups === undefined && flag.enabled && flag.audience.kind === 'groups' && subject.userId !== null) {
    return 'defer';
  }
  return evaluateFlag(flag, { ...subject, groups: subject.groups ?? [] }) ? 'on' : 'off';
}
