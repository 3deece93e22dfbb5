import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { type Limit, rateLimit, rateLimitMemo } from '../runtime';

// How often the account forms may be tried, on the one rate limiter (server/runtime/rate-limit.ts). Only failures
// count — a wrong password, a wrong code, an email already taken — so an office, campus or carrier NAT full of
// shoppers who sign in correctly is never refused. Each attempt is counted before Cognito answers and given back
// when it was not a failure, so a burst of parallel guesses cannot slip past while the first answers are out.
//
// Sign-in, per failure (docs/identity.md):
//   per address (IPv4, or IPv6 /64)   20 per 15 min, across accounts: one client spraying passwords over many accounts;
//   per account + address              5 per 15 min: one client guessing one shopper's password;
//   per account, from anywhere        50 per hour: a guesser rotating addresses. The owner's own addresses (those that
//                                      signed in to the account in the last 30 days) are exempt, so nobody can lock a
//                                      shopper out by guessing wrong from elsewhere.
// While an address or account is over its limit even the right password is refused the same way (429), so the lock
// is no oracle for a correct guess.

const SIGN_IN_LIMITS = {
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
  perAccount: { points: 50, durationSeconds: 60 * 60 },
};
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

// Confirmation codes and sign-ups: the same shape, counting wrong codes and "email already taken" answers.
const CONFIRM_LIMITS = {
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
};
const SIGN_UP_LIMITS = { perAddress: { points: 20, durationSeconds: 15 * 60 } };

// Emails are hashed so Redis never holds them.
function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

function rateLimited(what: string, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('RATE_LIMITED', `Too many ${what}. Try again in ${wait}.`, { headers: { 'Retry-After': String(seconds) } });
}

type Counter = { limit: Limit; key: string; exempt?: () => Promise<boolean> };

/**
 * Runs `attempt` when every counter has room (or is exempt), counting it against each; gives the counts back unless
 * the attempt failed in the way being limited. Throws RATE_LIMITED (429, Retry-After) without running it otherwise.
 */
async function limitedAttempt<T>(what: string, counters: Counter[], attempt: () => Promise<T>, countsAsFailure: (err: unknown) => boolean): Promise<T> {
  const taken: Counter[] = [];
  const giveBack = () => Promise.all(taken.map((c) => c.limit.giveBack(c.key)));
  for (const counter of counters) {
    const verdict = await counter.limit.take(counter.key);
    taken.push(counter);
    if (!verdict.allowed && !(await counter.exempt?.())) throw rateLimited(what, verdict.retryAfterSeconds);
  }
  try {
    const result = await attempt();
    await giveBack();
    return result;
  } catch (err) {
    if (!countsAsFailure(err)) await giveBack();
    throw err;
  }
}

const isAppError = (code: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === code;

/** One sign-in attempt from `address` (a bucket from server/http/client-address.ts). */
export async function limitedSignIn<T>(input: { email: string; address: string }, attempt: () => Promise<T>): Promise<T> {
  const account = accountKey(input.email);
  const accountAndAddress = `${account}:${input.address}`;
  const known = rateLimitMemo('sign-in:known-address', KNOWN_ADDRESS_SECONDS);
  const result = await limitedAttempt(
    'sign-in attempts',
    [
      { limit: rateLimit('sign-in:address', SIGN_IN_LIMITS.perAddress), key: input.address },
      { limit: rateLimit('sign-in:account-address', SIGN_IN_LIMITS.perAccountAndAddress), key: accountAndAddress },
      { limit: rateLimit('sign-in:account', SIGN_IN_LIMITS.perAccount), key: account, exempt: () => known.has(accountAndAddress) },
    ],
    attempt,
    isAppError('UNAUTHENTICATED'),
  );
  await known.remember(accountAndAddress, KNOWN_ADDRESS_SECONDS);
  return result;
}

/** One confirmation-code attempt. Wrong, expired and unknown-account codes all count (they answer the same). */
export function limitedConfirm<T>(input: { email: string; address: string }, attempt: () => Promise<T>): Promise<T> {
  return limitedAttempt(
    'attempts',
    [
      { limit: rateLimit('confirm:address', CONFIRM_LIMITS.perAddress), key: input.address },
      { limit: rateLimit('confirm:account-address', CONFIRM_LIMITS.perAccountAndAddress), key: `${accountKey(input.email)}:${input.address}` },
    ],
    attempt,
    isAppError('VALIDATION_FAILED'),
  );
}

/** One sign-up. "This email already has an account" answers count: they are what an enumerator is after. */
export function limitedSignUp<T>(input: { address: string }, attempt: () => Promise<T>): Promise<T> {
  return limitedAttempt(
    'sign-up attempts',
    [{ limit: rateLimit('sign-up:address', SIGN_UP_LIMITS.perAddress), key: input.address }],
    attempt,
    isAppError('CONFLICT'),
  );
}
