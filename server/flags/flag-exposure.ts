import { rolloutBucket } from './bucket';
import { bucketingId, type EvaluableFlag, type FlagSubject, inAudience } from './evaluate-flag';

// An exposure is what an experiment is read from (docs/analytics.md, "Experiments"): a shopper for whom a flag in
// a partial rollout was decided by their bucket, and which side of the line they fell on. Flags fully on or off,
// shoppers outside the audience, and shoppers with no bucketing id are no experiment, so they expose nothing.

export type FlagExposure = { flagKey: string; variant: 'on' | 'off'; bucket: number; rolloutPercent: number };

export function flagExposure(flag: EvaluableFlag, subject: FlagSubject, on: boolean): FlagExposure | null {
  if (!flag.enabled || flag.rolloutPercent <= 0 || flag.rolloutPercent >= 100 || !inAudience(flag.audience, subject)) return null;
  const id = bucketingId(subject);
  if (id === null) return null;
  return { flagKey: flag.key, variant: on ? 'on' : 'off', bucket: rolloutBucket(flag.key, id), rolloutPercent: flag.rolloutPercent };
}
