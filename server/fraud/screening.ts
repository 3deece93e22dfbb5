import { createHash } from 'node:crypto';
import { type GeoPoint, shippingDistanceKm } from '../locations';
import type { ProcessorRiskLevel } from '../payments';
import { AppError } from '../platform/errors';
import { UNKNOWN_ADDRESS_BUCKET } from '../platform/http/client-address';
import type { Money } from '../platform/money';
import { logger } from '../platform/observability';
import { rateLimit, rateLimitMemo } from '../platform/runtime';
import type { FraudFacts, FraudRules, OrderRisk } from './contract';
import { isDisposableEmail, mailboxOf } from './email-signals';
import { evaluateRisk } from './evaluate-risk';
import { currentFraudRules } from './rules-store';

// Screening one checkout (docs/fraud.md), in the order checkout calls it:
//   1. refuseRepeatedDeclines   before anything is asked of the processor: 429 RATE_LIMITED (Retry-After) once the
//                               client address, cart or email has too many declined payments in the window;
//   2. screenBeforeAuthorisation  the card's fingerprint (from the processor's token) over its own decline limit,
//                               then the counters and the rules; `deny` is 402 PAYMENT_DECLINED, nothing asked or written;
//   3. screenAfterAuthorisation   the same facts plus the processor's risk verdict: `deny` voids the hold (402),
//                               `review` places the order ON_HOLD, `allow` places it;
//   recordDeclinedPayment         after the processor declined: counts it against the address, cart, email and card.
// Counters live in the one rate limiter (Redis, with the in-process fallback when Redis is away); emails and
// fingerprints are hashed so Redis never holds them.

const log = logger.child({ component: 'fraud' });
/** Counters that never refuse: they only count, for the rules to read. */
const UNLIMITED = 1_000_000_000;

const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

export type CheckoutParties = {
  /** The client's address bucket (server/platform/http client-address); absent when the caller is not a request. */
  clientAddress?: string;
  /** Where the client is, when the edge says (CloudFront's viewer location headers). */
  viewer?: GeoPoint;
  cartId: string;
  email?: string;
};

export type CheckoutScreeningInput = CheckoutParties & {
  /** The processor's fingerprint of the card behind the token (the same card gives the same one), when it has one. */
  cardFingerprint?: string;
  total: Money;
  /** True when this customer has no earlier order. */
  firstOrder: boolean;
  shippingAddress: { city: string; region: string; postalCode: string; country: string };
};

/**
 * An address we can tell apart. The shared `unknown` bucket (no peer known, or a forwarded entry that does not parse)
 * is every such caller at once: counting it would let one of them stop all the others.
 */
const knownAddress = (address: string | undefined): address is string => address !== undefined && address !== UNKNOWN_ADDRESS_BUCKET;

type DeclineScope = { name: 'client' | 'cart' | 'email' | 'card'; key: string; limit: { declines: number; windowSeconds: number } };

function declineScopes(rules: FraudRules, parties: CheckoutParties & { cardFingerprint?: string }): DeclineScope[] {
  const { declineLimits } = rules;
  const scopes: DeclineScope[] = [{ name: 'cart', key: hashed(parties.cartId), limit: declineLimits.perCart }];
  if (knownAddress(parties.clientAddress)) scopes.push({ name: 'client', key: parties.clientAddress, limit: declineLimits.perClient });
  if (parties.email) scopes.push({ name: 'email', key: hashed(mailboxOf(parties.email)), limit: declineLimits.perEmail });
  if (parties.cardFingerprint) scopes.push({ name: 'card', key: hashed(parties.cardFingerprint), limit: declineLimits.perCard });
  return scopes;
}

const declineLimit = (scope: DeclineScope) =>
  rateLimit(`fraud:declines:${scope.name}`, { points: scope.limit.declines, durationSeconds: scope.limit.windowSeconds });

function tooManyDeclines(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('RATE_LIMITED', `Too many declined payments. Please try again in ${wait}, or contact us.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

async function refuseIfOverDeclines(scopes: DeclineScope[]): Promise<void> {
  for (const scope of scopes) {
    const verdict = await declineLimit(scope).exhausted(scope.key);
    if (!verdict.allowed) {
      log.warn('checkout refused: too many declined payments', { scope: scope.name });
      throw tooManyDeclines(verdict.retryAfterSeconds);
    }
  }
}

/**
 * Step 1: 429 when the address, cart or email has used its declines. Asks nothing of the processor. `rules`: the
 * stored ones unless given (the replay, bench/fraud-replay.ts, passes its own).
 */
export async function refuseRepeatedDeclines(parties: CheckoutParties, given?: FraudRules): Promise<FraudRules> {
  const rules = given ?? (await currentFraudRules());
  await refuseIfOverDeclines(declineScopes(rules, parties));
  return rules;
}

/**
 * Whether "is this the customer's first order" can change the decision: only when the total reaches a first-order
 * rule's threshold. Below it checkout skips the two reads that answer it.
 */
export function firstOrderMatters(rules: FraudRules, total: Money): boolean {
  return rules.rules.some((r) => r.signal === 'firstOrderValue' && r.weight > 0 && total.amount >= r.atLeast);
}

/** Counts one and answers the count in the window. */
async function countOne(name: string, key: string, windowSeconds: number): Promise<number> {
  const counter = rateLimit(`fraud:${name}`, { points: UNLIMITED, durationSeconds: windowSeconds });
  await counter.take(key);
  return counter.count(key);
}

/** How many distinct `value`s were seen with `scope` in the window (this one included). */
async function distinct(name: string, scope: string, value: string, windowSeconds: number): Promise<number> {
  const seen = rateLimitMemo(`fraud:${name}:seen`, windowSeconds);
  const counter = rateLimit(`fraud:${name}`, { points: UNLIMITED, durationSeconds: windowSeconds });
  const pair = `${scope}:${hashed(value)}`;
  if (!(await seen.has(pair))) {
    await seen.remember(pair, windowSeconds);
    await counter.take(scope);
  }
  return counter.count(scope);
}

export type PreScreening = { rules: FraudRules; facts: FraudFacts };

/** Step 2: the card's own decline limit, the counters, and the rules without the processor's verdict. */
export async function screenBeforeAuthorisation(input: CheckoutScreeningInput, rules: FraudRules): Promise<PreScreening> {
  const cardScope = declineScopes(rules, input).filter((s) => s.name === 'card');
  await refuseIfOverDeclines(cardScope);
  const window = rules.velocityWindowSeconds;
  const facts: FraudFacts = {};
  if (knownAddress(input.clientAddress)) {
    facts.attemptsByClient = await countOne('attempts:client', input.clientAddress, window);
    if (input.cardFingerprint) facts.cardsByClient = await distinct('cards:client', input.clientAddress, input.cardFingerprint, window);
  }
  if (input.email) {
    const mailbox = hashed(mailboxOf(input.email));
    facts.attemptsByEmail = await countOne('attempts:email', mailbox, window);
    if (input.cardFingerprint) facts.cardsByEmail = await distinct('cards:email', mailbox, input.cardFingerprint, window);
    facts.emailTagVariants = await distinct('email-variants', mailbox, input.email.trim().toLowerCase(), window);
    facts.disposableEmail = isDisposableEmail(input.email) ? 1 : 0;
  }
  facts.firstOrderValue = input.firstOrder ? input.total.amount : 0;
  if (input.viewer) {
    const km = shippingDistanceKm(input.viewer, input.shippingAddress);
    if (km !== null) facts.shippingDistanceKm = Math.round(km);
  }
  const verdict = evaluateRisk(rules, facts);
  if (verdict.decision === 'deny') {
    log.warn('checkout denied before authorisation', { score: verdict.score, reasons: verdict.reasons });
    throw declined();
  }
  return { rules, facts };
}

/** The processor's verdict as a number the rules compare: normal 0, elevated 1, highest 2; unknown: no signal. */
const RISK_LEVELS: Record<ProcessorRiskLevel, number | undefined> = { normal: 0, elevated: 1, highest: 2, unknown: undefined };

/** Step 3: the decision to record on the order. `deny` is for checkout to void the hold and refuse. */
export function screenAfterAuthorisation(pre: PreScreening, processorRisk: ProcessorRiskLevel | undefined): OrderRisk {
  const level = processorRisk ? RISK_LEVELS[processorRisk] : undefined;
  const facts: FraudFacts = { ...pre.facts, ...(level === undefined ? {} : { processorRisk: level }) };
  const verdict = evaluateRisk(pre.rules, facts);
  if (verdict.decision !== 'allow') log.info('checkout screened', { decision: verdict.decision, score: verdict.score, reasons: verdict.reasons });
  return { decision: verdict.decision, reasons: verdict.reasons, score: verdict.score, rulesVersion: pre.rules.version };
}

/** Counts a declined payment against every party that tried it. */
export async function recordDeclinedPayment(parties: CheckoutParties & { cardFingerprint?: string }, given?: FraudRules): Promise<void> {
  const rules = given ?? (await currentFraudRules());
  await Promise.all(declineScopes(rules, parties).map((scope) => declineLimit(scope).take(scope.key)));
}

/** A denied checkout answers like a declined card (API.md): the shopper learns nothing of the rules. */
export function declined(): AppError {
  return new AppError('PAYMENT_DECLINED', 'The payment could not be accepted. Please use another payment method or contact us.', {
    details: { reason: 'declined_by_screening' },
  });
}
