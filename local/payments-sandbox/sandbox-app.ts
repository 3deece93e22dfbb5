import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { challengePage, challengePageHeaders, resultPage } from './challenge-page';
import type { AttemptRecord, AuthorizationRecord, SandboxStore, TokenRecord } from './records';
import { checkCard, TEST_TOKENS } from './test-cards';

// The sandbox processor's HTTP surface: a local stand-in for a card processor on its own origin.
//   POST /v1/tokens                          browser → processor (CORS for the shop's origins only): card → token
//   GET  /v1/tokens/:id                      shop's server, secret key: brand, last four and the card's fingerprint
//   POST /v1/authorizations                  shop's server, secret key, Idempotency-Key: place a hold
//   POST /v1/authorizations/:id/capture      secret key, Idempotency-Key: take (part of) the hold
//   POST /v1/authorizations/:id/void         secret key: release the hold
//   POST /v1/authorizations/:id/refunds      secret key, Idempotency-Key: return captured money
//   GET  /v1/authorizations/:id              secret key: the record (tests read it)
//   GET|POST /v1/challenges/:id              the 3-D Secure page, and its answer `{ outcome: 'pass' | 'fail' }`
// Business outcomes (approved, declined, authentication required) are 200 answers with a status, as a processor's
// API reports a decline as a result; 4xx is for requests that are wrong (no key, bad body, a reused key).

export type SandboxOptions = {
  store: SandboxStore;
  /** The server API's secret (a processor's API key): every money-moving call must carry it. */
  secretKey: string;
  /** The shop's origins: the only ones allowed to tokenise from a browser and to be returned to after a challenge. */
  allowedOrigins: string[];
  /** This server's own origin, for the challenge URLs it hands out. */
  publicUrl: string;
  tokenTtlMs?: number;
  challengeTtlMs?: number;
  now?: () => Date;
};

const MAX_BODY_BYTES = 16 * 1024;
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; html?: string };
const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });
const declined = (reason: string, message: string): Reply => ({ status: 200, body: { status: 'declined', reason, message } });

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return {};
  try {
    if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
    const parsed = JSON.parse(raw) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createSandboxApp(opts: SandboxOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { store } = opts;
  const state = store.state;
  const now = opts.now ?? (() => new Date());
  const tokenTtlMs = opts.tokenTtlMs ?? 30 * 60_000;
  const challengeTtlMs = opts.challengeTtlMs ?? 15 * 60_000;
  const allowed = new Set(opts.allowedOrigins.map((o) => new URL(o).origin));
  const secret = Buffer.from(opts.secretKey);

  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    return given.length === secret.length && timingSafeEqual(given, secret);
  };
  const expired = (iso: string) => Date.parse(iso) <= now().getTime();

  function tokenise(body: Record<string, unknown>): Reply {
    const checked = checkCard({ number: body.number, expMonth: body.expMonth, expYear: body.expYear, cvc: body.cvc }, now());
    if (!checked.ok) return error(400, checked.code, checked.message);
    const token: TokenRecord = {
      id: id('tok'),
      outcome: checked.outcome,
      brand: checked.brand,
      last4: checked.last4,
      fingerprint: `fp_${createHash('sha256').update(`${opts.secretKey}|${checked.digits}`).digest('base64url').slice(0, 16)}`,
      risk: checked.risk,
      createdAt: now().toISOString(),
      expiresAt: new Date(now().getTime() + tokenTtlMs).toISOString(),
    };
    state.tokens[token.id] = token;
    store.save();
    return { status: 201, body: { id: token.id, brand: token.brand, last4: token.last4 } };
  }

  /** The token's card, or why it cannot pay: unknown, expired, or spent by an authorisation that stands. */
  function describeToken(tokenId: string): Reply {
    const test = TEST_TOKENS[tokenId];
    const token = test ?? state.tokens[tokenId];
    if (!token) return error(404, 'not_found', 'No such token.');
    // A reusable test token is a card of its own at each look-up (test-cards.ts says why).
    const fingerprint = test ? `fp_test_${randomBytes(8).toString('base64url')}` : (state.tokens[tokenId]?.fingerprint ?? `fp_${tokenId}`);
    return { status: 200, body: { id: tokenId, brand: token.brand, last4: token.last4, fingerprint } };
  }

  function usableToken(tokenId: string): { token: Omit<TokenRecord, 'createdAt' | 'expiresAt'>; reusable: boolean } | Reply {
    const test = TEST_TOKENS[tokenId];
    if (test) return { token: { id: tokenId, ...test }, reusable: true };
    const token = state.tokens[tokenId];
    if (!token) return declined('token_invalid', 'The payment details were not recognised. Please enter your card again.');
    if (expired(token.expiresAt)) return declined('token_expired', 'The payment details have expired. Please enter your card again.');
    if (token.spentBy && state.authorizations[token.spentBy]?.status !== 'voided') {
      return declined('token_used', 'These payment details were already used. Please enter your card again.');
    }
    return { token, reusable: false };
  }

  function hold(attempt: AttemptRecord, tokenId: string, amount: number, currency: string, reference: string): Reply {
    const found = usableToken(tokenId);
    if ('status' in found) return found;
    const { token } = found;
    const auth: AuthorizationRecord = {
      id: id('auth'),
      tokenId,
      brand: token.brand,
      last4: token.last4,
      amount,
      currency,
      reference,
      status: 'authorized',
      risk: token.risk ?? 'normal',
      captured: 0,
      refunded: 0,
      createdAt: now().toISOString(),
    };
    state.authorizations[auth.id] = auth;
    if (!found.reusable) state.tokens[tokenId]!.spentBy = auth.id;
    attempt.state = 'authorized';
    attempt.authorizationId = auth.id;
    state.attempts[attempt.key] = attempt;
    store.save();
    return authorizedReply(auth);
  }

  const authorizedReply = (auth: AuthorizationRecord): Reply => ({
    status: 200,
    body: {
      status: 'authorized',
      authorization: {
        id: auth.id,
        brand: auth.brand,
        last4: auth.last4,
        amount: auth.amount,
        currency: auth.currency,
        risk: { level: auth.risk ?? 'normal' },
      },
    },
  });

  function authorize(key: string, body: Record<string, unknown>): Reply {
    const { token, amount, currency, reference, returnUrl } = body;
    if (typeof token !== 'string' || !Number.isSafeInteger(amount) || (amount as number) < 0 || typeof currency !== 'string') {
      return error(400, 'invalid_request', 'token, amount (integer minor units) and currency are required.');
    }
    if (returnUrl !== undefined && (typeof returnUrl !== 'string' || !URL.canParse(returnUrl) || !allowed.has(new URL(returnUrl).origin))) {
      return error(400, 'invalid_return_url', 'returnUrl must be on one of the shop origins this processor knows.');
    }
    const paramsHash = sha(`${token}|${amount}|${currency}`);
    let attempt = state.attempts[key];
    if (attempt && attempt.paramsHash !== paramsHash) {
      return error(409, 'idempotency_key_reused', 'This Idempotency-Key was used with other parameters.');
    }
    let authenticated = false;
    if (attempt?.state === 'authorized') {
      const auth = state.authorizations[attempt.authorizationId!];
      // The same key answers the same live hold; a hold voided since is never handed out again.
      if (auth && auth.status !== 'voided') return authorizedReply(auth);
      attempt = undefined;
    } else if (attempt?.state === 'authentication_failed') {
      return declined('authentication_failed', 'The card issuer could not confirm it is you (3-D Secure failed).');
    } else if (attempt?.state === 'requires_action') {
      const challenge = state.challenges[attempt.challengeId!];
      if (challenge?.status === 'passed') authenticated = true;
      else if (challenge?.status === 'failed') {
        attempt.state = 'authentication_failed';
        store.save();
        return declined('authentication_failed', 'The card issuer could not confirm it is you (3-D Secure failed).');
      } else if (challenge && !expired(challenge.expiresAt)) {
        return requiresAction(challenge.id);
      } else {
        // Abandoned: the challenge expired unanswered. Nothing was held for it; a new attempt starts a new challenge.
        if (challenge) delete state.challenges[challenge.id];
        attempt = undefined;
      }
    }
    const fresh: AttemptRecord = attempt ?? { key, paramsHash, state: 'requires_action' };
    const found = usableToken(token);
    if ('status' in found) return found;
    const { outcome, last4 } = found.token;
    // Declines are not remembered: the shop may retry the key with the card corrected (a new token is new params,
    // though, so in practice a new key).
    if (outcome === 'card_declined') return declined('card_declined', 'The card was declined.');
    if (outcome === 'insufficient_funds') return declined('insufficient_funds', 'The card was declined: insufficient funds.');
    if (outcome === 'requires_authentication' && !authenticated) {
      const challengeId = id('ch');
      state.challenges[challengeId] = {
        id: challengeId,
        attemptKey: key,
        status: 'pending',
        expiresAt: new Date(now().getTime() + challengeTtlMs).toISOString(),
        amount: amount as number,
        currency,
        last4,
        ...(typeof returnUrl === 'string' ? { returnUrl } : {}),
      };
      state.attempts[key] = { ...fresh, state: 'requires_action', challengeId };
      store.save();
      return requiresAction(challengeId);
    }
    return hold(fresh, token, amount as number, currency, typeof reference === 'string' ? reference.slice(0, 200) : '');
  }

  const requiresAction = (challengeId: string): Reply => ({
    status: 200,
    body: { status: 'requires_action', nextAction: { type: 'redirect', url: `${opts.publicUrl}/v1/challenges/${challengeId}` } },
  });

  function movement(kind: 'capture' | 'refund', authId: string, key: string, body: Record<string, unknown>): Reply {
    const auth = state.authorizations[authId];
    if (!auth) return error(404, 'not_found', 'No such authorisation.');
    const amount = body.amount;
    if (!Number.isSafeInteger(amount) || (amount as number) < 0) return error(400, 'invalid_request', 'amount must be integer minor units.');
    const paramsHash = sha(`${kind}|${authId}|${amount}`);
    const seen = state.movements[`${kind}:${key}`];
    if (seen) {
      if (seen.paramsHash !== paramsHash) return error(409, 'idempotency_key_reused', 'This Idempotency-Key was used with other parameters.');
      return { status: 200, body: { id: seen.id, amount: seen.amount } };
    }
    if (kind === 'capture') {
      if (auth.status !== 'authorized') return error(409, 'invalid_state', `The authorisation is ${auth.status}: nothing to capture.`);
      if ((amount as number) > auth.amount) return error(409, 'amount_too_large', 'A capture cannot exceed the authorised amount.');
      auth.status = 'captured';
      auth.captured = amount as number;
    } else {
      if (auth.status !== 'captured') return error(409, 'invalid_state', 'Only a captured payment can be refunded.');
      if ((amount as number) <= 0 || (amount as number) > auth.captured - auth.refunded) {
        return error(409, 'amount_too_large', 'A refund cannot exceed what was captured and not yet refunded.');
      }
      auth.refunded += amount as number;
    }
    const record = { id: id(kind === 'capture' ? 'cap' : 're'), kind, authorizationId: authId, amount: amount as number, paramsHash };
    state.movements[`${kind}:${key}`] = record;
    store.save();
    return { status: 200, body: { id: record.id, amount: record.amount } };
  }

  function voidAuthorization(authId: string): Reply {
    const auth = state.authorizations[authId];
    if (!auth) return error(404, 'not_found', 'No such authorisation.');
    if (auth.status === 'captured') return error(409, 'invalid_state', 'A captured payment cannot be voided: refund it.');
    if (auth.status !== 'voided') {
      // Releasing the hold gives the token back: nothing was charged, so the shopper may pay with it again.
      auth.status = 'voided';
      store.save();
    }
    return { status: 200, body: { id: auth.id, status: 'voided' } };
  }

  function challengeGet(challengeId: string): Reply {
    const challenge = state.challenges[challengeId];
    const { csp, nonce } = challengePageHeaders([...allowed]);
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (!challenge || expired(challenge.expiresAt)) {
      return { status: 404, headers, html: resultPage(nonce, 'failed').replace('Authentication failed', 'This check has expired') };
    }
    return { status: 200, headers, html: challengePage(nonce, challenge, challenge, `/v1/challenges/${challenge.id}`) };
  }

  function challengeAnswer(challengeId: string, body: Record<string, unknown>, form: boolean): Reply {
    const challenge = state.challenges[challengeId];
    if (!challenge) return error(404, 'not_found', 'No such challenge.');
    if (challenge.status === 'pending' && expired(challenge.expiresAt)) return error(410, 'challenge_expired', 'This challenge has expired.');
    const outcome = body.outcome;
    if (outcome !== 'pass' && outcome !== 'fail') return error(400, 'invalid_request', "outcome must be 'pass' or 'fail'.");
    const status = outcome === 'pass' ? 'passed' : 'failed';
    if (challenge.status !== 'pending' && challenge.status !== status) return error(409, 'already_answered', `This challenge was already ${challenge.status}.`);
    challenge.status = status;
    store.save();
    if (!form) return { status: 200, body: { id: challenge.id, status } };
    if (challenge.returnUrl) {
      const back = new URL(challenge.returnUrl);
      back.searchParams.set('payment_challenge', challenge.id);
      back.searchParams.set('outcome', status);
      return { status: 303, headers: { Location: back.toString(), 'Cache-Control': 'no-store' } };
    }
    const { csp, nonce } = challengePageHeaders([]);
    return { status: 200, headers: { 'Content-Security-Policy': csp }, html: resultPage(nonce, status) };
  }

  async function handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (url.pathname === '/health') return { status: 200, body: { ok: true } };

    if (url.pathname === '/v1/tokens') {
      const origin = req.headers.origin;
      // A browser on another site may not tokenise here (a server without an Origin header, such as a test, may).
      if (origin !== undefined && !allowed.has(origin)) return error(403, 'origin_not_allowed', 'This origin may not create tokens.');
      const cors: Record<string, string> = origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
      if (method === 'OPTIONS') {
        return {
          status: 204,
          headers: { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '600' },
        };
      }
      if (method !== 'POST') return error(405, 'method_not_allowed', 'POST only.');
      const body = await readBody(req);
      const reply = body ? tokenise(body) : error(400, 'invalid_request', 'A JSON body is required.');
      return { ...reply, headers: { ...reply.headers, ...cors } };
    }

    if (parts[0] === 'v1' && parts[1] === 'tokens' && parts.length === 3) {
      if (!authorised(req)) return error(401, 'unauthorized', 'A valid secret key is required.');
      if (method !== 'GET') return error(405, 'method_not_allowed', 'GET only.');
      return describeToken(parts[2]!);
    }

    if (parts[0] === 'v1' && parts[1] === 'challenges' && parts.length === 3) {
      if (method === 'GET') return challengeGet(parts[2]!);
      if (method === 'POST') {
        const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        const body = await readBody(req);
        return body ? challengeAnswer(parts[2]!, body, form) : error(400, 'invalid_request', 'A JSON or form body is required.');
      }
      return error(405, 'method_not_allowed', 'GET or POST.');
    }

    if (parts[0] === 'v1' && parts[1] === 'authorizations') {
      if (!authorised(req)) return error(401, 'unauthorized', 'A valid secret key is required.');
      const key = req.headers['idempotency-key'];
      const needKey = () =>
        typeof key === 'string' && key.length >= 8 && key.length <= 255 ? null : error(400, 'idempotency_key_required', 'Idempotency-Key is required.');
      if (parts.length === 3 && method === 'GET') {
        const auth = state.authorizations[parts[2]!];
        return auth ? { status: 200, body: auth } : error(404, 'not_found', 'No such authorisation.');
      }
      if (method !== 'POST') return error(405, 'method_not_allowed', 'POST only.');
      const body = await readBody(req);
      if (!body) return error(400, 'invalid_request', 'A JSON body is required.');
      if (parts.length === 2) return needKey() ?? authorize(key as string, body);
      if (parts.length === 4 && parts[3] === 'capture') return needKey() ?? movement('capture', parts[2]!, key as string, body);
      if (parts.length === 4 && parts[3] === 'refunds') return needKey() ?? movement('refund', parts[2]!, key as string, body);
      if (parts.length === 4 && parts[3] === 'void') return voidAuthorization(parts[2]!);
    }
    return error(404, 'not_found', 'No such route.');
  }

  return (req, res) => {
    handle(req)
      .catch((err: unknown) => {
        console.error('payments sandbox: request failed', String(err));
        return error(500, 'internal', 'The sandbox failed.');
      })
      .then((reply) => {
        const headers: Record<string, string> = { ...reply.headers };
        if (reply.html !== undefined) headers['Content-Type'] = 'text/html; charset=utf-8';
        else if (reply.body !== undefined) headers['Content-Type'] = 'application/json';
        res.writeHead(reply.status, headers);
        res.end(reply.html ?? (reply.body !== undefined ? JSON.stringify(reply.body) : undefined));
      });
  };
}
