import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passesLuhn } from '../../server/payments/luhn';
import { createSandboxProvider } from '../../server/payments/sandbox-provider';
import { money } from '../../server/platform/money';
import { cardBrand } from './card-brand';
import { openStore } from './records';
import { createSandboxApp, type SandboxOptions } from './sandbox-app';
import { checkCard } from './test-cards';

// The sandbox processor over real HTTP on a free port, and the storefront's adapter against it.

const SHOP = 'http://127.0.0.1:3999';
const SECRET = 'sk_sandbox_test_secret_0123456789';
const servers: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(extra: Partial<SandboxOptions> & { file?: string | null } = {}) {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createSandboxApp({ store: openStore(extra.file ?? null), secretKey: SECRET, allowedOrigins: [SHOP], publicUrl: url, ...extra });
  server.on('request', app);
  const provider = createSandboxProvider({ url, secretKey: SECRET, timeoutMs: 2_000 });
  const tokenise = async (number: string, headers: Record<string, string> = {}, card: Record<string, unknown> = {}) =>
    fetch(`${url}/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ number, expMonth: 12, expYear: 2099, cvc: '123', ...card }),
    });
  const token = async (number: string) => ((await (await tokenise(number)).json()) as { id: string }).id;
  const authorize = (tok: string, idempotencyKey: string, amount = 1_000) =>
    provider.authorize({ amount: money(amount), token: tok, reference: 'ord_x', idempotencyKey, returnUrl: `${SHOP}/checkout` });
  return { url, provider, tokenise, token, authorize };
}

describe('test cards', () => {
  it('pass the Luhn check, and a mistyped digit does not', () => {
    for (const n of ['4242424242424242', '4000000000000002', '4000000000009995', '4000002760003184', '5555555555554444', '378282246310005']) {
      expect(passesLuhn(n)).toBe(true);
    }
    expect(passesLuhn('4242424242424241')).toBe(false);
  });
  it('have their brand read from the prefix', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
  });
  it('are checked for expiry (valid through the month) and the CVC length of their brand', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(checkCard({ number: '4242424242424242', expMonth: 5, expYear: 2026, cvc: '123' }, now)).toMatchObject({ ok: false, code: 'expired_card' });
    expect(checkCard({ number: '4242424242424242', expMonth: 6, expYear: 26, cvc: '123' }, now)).toMatchObject({ ok: true, outcome: 'approved' });
    expect(checkCard({ number: '378282246310005', expMonth: 6, expYear: 26, cvc: '123' }, now)).toMatchObject({ ok: false, code: 'incorrect_cvc' });
    expect(checkCard({ number: '4111111111111111', expMonth: 6, expYear: 26, cvc: '123' }, now)).toMatchObject({ ok: true, outcome: 'card_declined' });
  });
});

describe('sandbox processor: tokens', () => {
  it('tokenises a test card into tok_… with brand and last four, and keeps no card number in its records', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'records.json');
    const s = await start({ file });
    const res = await s.tokenise('4242 4242 4242 4242', { origin: SHOP });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ id: expect.stringMatching(/^tok_[A-Za-z0-9]+$/), brand: 'visa', last4: '4242' });
    expect(readFileSync(file, 'utf8')).not.toMatch(/424242424242|"123"/);
  });
  it('refuses a browser on another origin, and its preflight', async () => {
    const s = await start();
    expect((await s.tokenise('4242424242424242', { origin: 'https://evil.example' })).status).toBe(403);
    const preflight = await fetch(`${s.url}/v1/tokens`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const ours = await fetch(`${s.url}/v1/tokens`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    expect(ours.status).toBe(204);
    expect(ours.headers.get('access-control-allow-origin')).toBe(SHOP);
  });
  it('answers 400 with a code for an invalid number, an expired card or a short CVC', async () => {
    const s = await start();
    expect(await (await s.tokenise('4242424242424241')).json()).toMatchObject({ error: { code: 'incorrect_number' } });
    expect((await s.tokenise('4242424242424242', {}, { expYear: 2001 })).status).toBe(400);
    expect(await (await s.tokenise('4242424242424242', {}, { cvc: '12' })).json()).toMatchObject({ error: { code: 'incorrect_cvc' } });
  });
  it('lets a token pay once: the same key again answers the same hold, another key is refused', async () => {
    const s = await start();
    const tok = await s.token('4242424242424242');
    const first = await s.authorize(tok, 'key-0000001');
    expect(first).toMatchObject({ approved: true, brand: 'visa', last4: '4242' });
    expect(await s.authorize(tok, 'key-0000001')).toEqual(first);
    expect(await s.authorize(tok, 'key-0000002')).toMatchObject({ approved: false, reason: 'token_used' });
  });
  it('gives a voided hold’s token back, and never hands out the voided hold again', async () => {
    const s = await start();
    const tok = await s.token('4242424242424242');
    const first = await s.authorize(tok, 'key-0000003');
    if (!first.approved) throw new Error('approved expected');
    await s.provider.void(first.authorizationId);
    await s.provider.void(first.authorizationId);
    const again = await s.authorize(tok, 'key-0000003');
    expect(again.approved && again.authorizationId).not.toBe(first.authorizationId);
  });
  it('fingerprints the card behind a token for the shop’s server only (same card, same fingerprint; never the number)', async () => {
    const s = await start();
    const a = await s.provider.describeToken(await s.token('4000000000000002'));
    const b = await s.provider.describeToken(await s.token('4000 0000 0000 0002'));
    const other = await s.provider.describeToken(await s.token('4242424242424242'));
    expect(a).toMatchObject({ brand: 'visa', last4: '0002' });
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(other?.fingerprint).not.toBe(a?.fingerprint);
    expect(a?.fingerprint).not.toContain('4000000000000002');
    expect(await s.provider.describeToken('tok_neverissued')).toBeNull();
    const tok = await s.token('4242424242424242');
    expect((await fetch(`${s.url}/v1/tokens/${tok}`)).status).toBe(401);
  });
  it('reports its risk verdict on a hold, as Radar’s risk_level: the risk test cards are elevated and highest', async () => {
    const s = await start();
    expect(await s.authorize(await s.token('4242424242424242'), 'key-risk-001')).toMatchObject({ approved: true, risk: 'normal' });
    expect(await s.authorize(await s.token('4000000000009235'), 'key-risk-002')).toMatchObject({ approved: true, risk: 'elevated' });
    expect(await s.authorize(await s.token('4000000000004954'), 'key-risk-003')).toMatchObject({ approved: true, risk: 'highest' });
    expect(await s.authorize('tok_riskLevelElevated', 'key-risk-004')).toMatchObject({ approved: true, risk: 'elevated' });
  });
  it('expires tokens', async () => {
    let clock = Date.parse('2026-06-01T00:00:00Z');
    const s = await start({ now: () => new Date(clock), tokenTtlMs: 60_000 });
    const tok = await s.token('4242424242424242');
    clock += 61_000;
    expect(await s.authorize(tok, 'key-0000004')).toMatchObject({ approved: false, reason: 'token_expired' });
    expect(await s.authorize('tok_neverissued', 'key-0000005')).toMatchObject({ approved: false, reason: 'token_invalid' });
  });
  it('declines 0002 and 9995 without remembering the decline', async () => {
    const s = await start();
    expect(await s.authorize(await s.token('4000000000000002'), 'key-0000006')).toMatchObject({ approved: false, reason: 'card_declined' });
    expect(await s.authorize(await s.token('4000 0000 0000 9995'), 'key-0000007')).toMatchObject({ approved: false, reason: 'insufficient_funds' });
    expect(await s.authorize(await s.token('4242424242424242'), 'key-0000006')).toMatchObject({ approved: true });
  });
});

describe('sandbox processor: server API', () => {
  it('refuses money-moving calls without the secret key', async () => {
    const s = await start();
    for (const p of ['/v1/authorizations', '/v1/authorizations/auth_x/capture', '/v1/authorizations/auth_x/void', '/v1/authorizations/auth_x/refunds']) {
      const res = await fetch(`${s.url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0000008', authorization: 'Bearer sk_wrong' },
        body: '{}',
      });
      expect(res.status, p).toBe(401);
    }
  });
  it('captures and refunds once per key, never past what was held or captured', async () => {
    const s = await start();
    const held = await s.authorize(await s.token('4242424242424242'), 'key-0000009', 5_000);
    if (!held.approved) throw new Error('approved expected');
    const capture = () => s.provider.capture({ authorizationId: held.authorizationId, amount: money(5_000), idempotencyKey: 'ord_1:capture' });
    const c1 = await capture();
    expect(await capture()).toEqual(c1);
    const refund = (key: string, amount: number) => s.provider.refund({ authorizationId: held.authorizationId, amount: money(amount), idempotencyKey: key });
    const r1 = await refund('ord_1:refund#a', 3_000);
    expect(await refund('ord_1:refund#a', 3_000)).toEqual(r1);
    await expect(refund('ord_1:refund#b', 2_001)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await refund('ord_1:refund#b', 2_000)).refundId).not.toBe(r1.refundId);
    await expect(s.provider.void(held.authorizationId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
  it('keeps its records in its file across a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'records.json');
    const first = await start({ file });
    const tok = await first.token('4242424242424242');
    const held = await first.authorize(tok, 'key-0000010');
    const second = await start({ file });
    expect(await second.authorize(tok, 'key-0000010')).toEqual(held);
    expect(await second.authorize(tok, 'key-0000011')).toMatchObject({ approved: false, reason: 'token_used' });
  });
});

describe('sandbox processor: 3-D Secure', () => {
  it('asks for authentication, then the same key authorises once after a pass', async () => {
    const s = await start();
    const tok = await s.token('4000 0027 6000 3184');
    const asked = await s.authorize(tok, 'key-0000012');
    expect(asked).toMatchObject({ approved: false, reason: 'authentication_required', nextActionUrl: expect.stringContaining(`${s.url}/v1/challenges/ch_`) });
    const url = (asked as { nextActionUrl: string }).nextActionUrl;
    expect(await s.authorize(tok, 'key-0000012')).toEqual(asked);
    const page = await fetch(url);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toContain('Pass authentication');
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'pass' }) });
    expect(await answer.json()).toMatchObject({ status: 'passed' });
    const done = await s.authorize(tok, 'key-0000012');
    expect(done).toMatchObject({ approved: true, last4: '3184' });
    expect(await s.authorize(tok, 'key-0000012')).toEqual(done);
  });
  it('declines after a failed challenge, and a form answer returns the shopper to the shop', async () => {
    const s = await start();
    const tok = await s.token('4000002760003184');
    const asked = (await s.authorize(tok, 'key-0000013')) as { nextActionUrl: string };
    const answer = await fetch(asked.nextActionUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=fail',
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^${SHOP}/checkout\\?payment_challenge=ch_\\w+&outcome=failed$`));
    expect(await s.authorize(tok, 'key-0000013')).toMatchObject({ approved: false, reason: 'authentication_failed' });
  });
  it('lets an abandoned challenge expire: nothing was held, the next attempt gets a new challenge', async () => {
    let clock = Date.parse('2026-06-01T00:00:00Z');
    const s = await start({ now: () => new Date(clock), challengeTtlMs: 60_000 });
    const tok = await s.token('4000002760003184');
    const asked = (await s.authorize(tok, 'key-0000014')) as { nextActionUrl: string };
    clock += 61_000;
    expect((await fetch(asked.nextActionUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"outcome":"pass"}' })).status).toBe(
      410,
    );
    const again = (await s.authorize(tok, 'key-0000014')) as { reason: string; nextActionUrl: string };
    expect(again.reason).toBe('authentication_required');
    expect(again.nextActionUrl).not.toBe(asked.nextActionUrl);
  });
});
