import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { trackAnalytics } from '../analytics';
import { ANON_COOKIE, getSessionUser, type SessionUser, validAnonId } from '../identity';
import { logger } from '../platform/observability';
import { evaluateFlag, type FlagSubject } from './evaluate-flag';
import { type FlagExposure, flagExposure } from './flag-exposure';
import { FLAG_KEYS, type FlagKey } from './flag-registry';
import { sharedFlagCache } from './shared-flag-cache';

// What server components and route handlers ask: "is this flag on for the shopper of this request?"
// Evaluated here from the cached flag set, the verified session (the sf_at token, checked again) and sf_anon, never
// from a value a client or a header could carry: if middleware is bypassed (ADR 0004), the answer is unchanged.
// Middleware mints sf_anon on a first visit and writes it into the request's Cookie header, so cookies() here
// already has it and the page buckets the shopper the way the next request will.

export type EvaluatedFlags = Readonly<Record<FlagKey, boolean>>;

async function sessionUserOrNull(): Promise<SessionUser | null> {
  try {
    return await getSessionUser();
  } catch (err) {
    // A flag must never take a page down: an identity outage evaluates as signed out.
    logger.warn('flags: session lookup failed, evaluating as signed out', { err: String(err) });
    return null;
  }
}

type Evaluation = { values: EvaluatedFlags; exposures: ReadonlyMap<FlagKey, FlagExposure>; subject: FlagSubject };

/** Every known flag for this request's shopper. Memoised per request: all components of one render agree. */
const evaluate = cache(async (): Promise<Evaluation> => {
  const [snapshot, user, jar] = await Promise.all([sharedFlagCache().get(), sessionUserOrNull(), cookies()]);
  const subject: FlagSubject = {
    userId: user?.id ?? null,
    groups: user?.groups ?? [],
    anonId: validAnonId(jar.get(ANON_COOKIE)?.value),
  };
  const out = {} as Record<FlagKey, boolean>;
  const exposures = new Map<FlagKey, FlagExposure>();
  for (const key of FLAG_KEYS) {
    const flag = snapshot.flags.get(key);
    out[key] = flag ? evaluateFlag(flag, subject) : false;
    const exposure = flag ? flagExposure(flag, subject, out[key]) : null;
    if (exposure) exposures.set(key, exposure);
  }
  return { values: out, exposures, subject };
});

/** Asking for a flag is what exposes the shopper to it: a partial rollout's answer is recorded for experiments. */
export async function isEnabled(key: FlagKey): Promise<boolean> {
  const { values, exposures, subject } = await evaluate();
  const exposure = exposures.get(key);
  if (exposure) trackAnalytics({ type: 'flag-exposure', ...exposure }, { anonId: subject.anonId, userId: subject.userId });
  return values[key];
}

/**
 * Every flag for this request's shopper (GET /api/shopper hands them to the catalog pages' islands). Each partial
 * rollout in the answer counts as an exposure, since the islands act on all of them.
 */
export async function getFlags(): Promise<EvaluatedFlags> {
  const { values, exposures, subject } = await evaluate();
  for (const exposure of exposures.values()) trackAnalytics({ type: 'flag-exposure', ...exposure }, { anonId: subject.anonId, userId: subject.userId });
  return values;
}
