import { createHash } from 'node:crypto';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { networkBucket } from '../platform/http/client-address';
import { type Limit, rateLimit, rateLimitMemo } from '../platform/runtime';

// How often the account forms may be tried, on the one rate limiter (server/platform/runtime/rate-limit.ts). Only failures
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
// An account + address that signed in before is exempt from the per-address window too: a sprayer behind the same
// carrier NAT or campus fills that window with failures on other accounts, and must not lock this shopper out
// (issue 30 M3); the account + address window still stops guessing at this account from there.
// A browser holding this account's signed device cookie (device-cookie.ts) is counted only per device,
//   per device                          5 per 15 min,
// and skips the address and account windows: others' failures, wherever they come from, never lock it out. Once
// its own window is spent it is treated like any other client.
// While an address or account is over its limit even the right password is refused the same way (429), so the lock
// is no oracle for a correct guess.

const SIGN_IN_LIMITS = {
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
  perAccount: { points: 50, durationSeconds: 60 * 60 },
  perDevice: { points: 5, durationSeconds: 15 * 60 },
};
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

// Confirmation codes and sign-ups: the same shape, counting wrong codes and "email already taken" answers.
const CONFIRM_LIMITS = {
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
};
// Sign-up: every sign-up counts, not only "already taken" answers: each one mails an address the caller typed
// (issue 30 M6). Per address and per network (IPv4 /24, IPv6 /48), so a client cannot spread over its neighbours.
const signUpLimits = (perHour: number) => ({
  perAddress: { points: perHour, durationSeconds: 60 * 60 },
  perNetwork: { points: perHour * 3, durationSeconds: 60 * 60 },
});

// Password reset (issue 30 M5). Asking for a code mails someone, so every request counts; wrong codes count like
// confirmation codes, and after CODE_GUESSES wrong ones the outstanding code is void (every later try, the right
// code included, is refused the way a wrong one is) until a new code is asked for, which itself is limited per
// account. So one code gets at most 5 guesses of 10^6, and an account at most 5 codes an hour.
const FORGOT_LIMITS = {
  perAddress: { points: 10, durationSeconds: 15 * 60 },
  perAccount: { points: 5, durationSeconds: 60 * 60 },
};
const RESET_LIMITS = {
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 15 * 60 },
};
const CODE_GUESSES = { points: 5, durationSeconds: 60 * 60 };
const VOID_CODE = 'That code is no longer valid after too many wrong tries. Ask for a new code.';

// Emails are hashed so Redis never holds them.
export function accountKey(email: string): string {
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
 * the attempt failed in the way being limited (or succeeded, when `successCounts`: every request mails someone). Throws RATE_LIMITED (429, Retry-After) without running it otherwise.
 */
async function limitedAttempt<T>(
  what: string,
  counters: Counter[],
  attempt: () => Promise<T>,
  countsAsFailure: (err: unknown) => boolean,
  successCounts = false,
): Promise<T> {
  const taken: Counter[] = [];
  const giveBack = () => Promise.all(taken.map((c) => c.limit.giveBack(c.key)));
  for (const counter of counters) {
    const verdict = await counter.limit.take(counter.key);
    taken.push(counter);
    if (!verdict.allowed && !(await counter.exempt?.())) throw rateLimited(what, verdict.retryAfterSeconds);
  }
  try {
    const result = await attempt();
    if (!successCounts) await giveBack();
    return result;
  } catch (err) {
    if (!countsAsFailure(err)) await giveBack();
    throw err;
  }
}

const isAppError = (code: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === code;

/** One sign-in attempt from `address` (a bucket from server/platform/http/client-address.ts). */
/** `deviceId`: from this account's valid device cookie (device-cookie.ts), if the browser sent one. */
export async function limitedSignIn<T>(input: { email: string; address: string; deviceId?: string | null }, attempt: () => Promise<T>): Promise<T> {
  const account = accountKey(input.email);
  const accountAndAddress = `${account}:${input.address}`;
  const known = rateLimitMemo('sign-in:known-address', KNOWN_ADDRESS_SECONDS);
  const perDevice = rateLimit('sign-in:device', SIGN_IN_LIMITS.perDevice);
  const trustedDevice = input.deviceId ? (await perDevice.exhausted(input.deviceId)).allowed : false;
  const counters: Counter[] = trustedDevice
    ? [{ limit: perDevice, key: input.deviceId as string }]
    : [
        { limit: rateLimit('sign-in:address', SIGN_IN_LIMITS.perAddress), key: input.address, exempt: () => known.has(accountAndAddress) },
        { limit: rateLimit('sign-in:account-address', SIGN_IN_LIMITS.perAccountAndAddress), key: accountAndAddress },
        { limit: rateLimit('sign-in:account', SIGN_IN_LIMITS.perAccount), key: account, exempt: () => known.has(accountAndAddress) },
      ];
  const result = await limitedAttempt('sign-in attempts', counters, attempt, isAppError('UNAUTHENTICATED'));
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

/**
 * One sign-up. Every answer counts but a refused form (nothing was asked of Cognito that could mail anyone):
 * new accounts mail strangers, and "this email already has an account" is what an enumerator is after.
 */
export function limitedSignUp<T>(input: { address: string }, attempt: () => Promise<T>): Promise<T> {
  const limits = signUpLimits(getConfig().SIGN_UPS_PER_ADDRESS_HOUR);
  return limitedAttempt(
    'sign-up attempts',
    [
      { limit: rateLimit('sign-up:address', limits.perAddress), key: input.address },
      { limit: rateLimit('sign-up:network', limits.perNetwork), key: networkBucket(input.address) },
    ],
    attempt,
    (err) => !isAppError('VALIDATION_FAILED')(err),
    true,
  );
}

const resetCodeGuesses = () => rateLimit('reset:code', CODE_GUESSES);

/** One "send me a reset code" request. Every request counts (each may send an email); a new code resets the guesses. */
export async function limitedForgotPassword(input: { email: string; address: string }, request: () => Promise<void>): Promise<void> {
  const account = accountKey(input.email);
  await limitedAttempt(
    'password reset requests',
    [
      { limit: rateLimit('forgot:address', FORGOT_LIMITS.perAddress), key: input.address },
      { limit: rateLimit('forgot:account', FORGOT_LIMITS.perAccount), key: account },
    ],
    request,
    () => true,
    true,
  );
  await resetCodeGuesses().clear(account);
}

const isWrongCode = (err: unknown) =>
  err instanceof AppError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details) && err.details.some((d: { path?: unknown }) => d?.path === 'code');

/** One "set a new password with this code" attempt. Wrong codes count; after 5 the code is void. */
export async function limitedPasswordReset<T>(input: { email: string; address: string }, attempt: () => Promise<T>): Promise<T> {
  const account = accountKey(input.email);
  const guesses = resetCodeGuesses();
  if (!(await guesses.exhausted(account)).allowed) throw new AppError('VALIDATION_FAILED', VOID_CODE, { details: [{ path: 'code', message: VOID_CODE }] });
  return limitedAttempt(
    'attempts',
    [
      { limit: rateLimit('reset:address', RESET_LIMITS.perAddress), key: input.address },
      { limit: rateLimit('reset:account-address', RESET_LIMITS.perAccountAndAddress), key: `${account}:${input.address}` },
      { limit: guesses, key: account },
    ],
    attempt,
    isWrongCode,
  );
}
