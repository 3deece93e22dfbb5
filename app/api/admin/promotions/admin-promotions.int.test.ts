import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { cognitoClient } from '@/server/platform/aws/clients';
import { ensureCategory, uniqueCode } from '@/server/promotions/test-support';
import { GET as historyRoute } from './[code]/history/route';
import { PATCH as patchRoute } from './[code]/route';
import { POST as createRoute, GET as listRoute } from './route';

// The admin promotion routes called directly, as if middleware had been bypassed (ADR 0004): the handler alone
// refuses anyone outside `marketers`. Real tokens from cognito-local, real tables in DynamoDB Local.

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

const marketerToken = () => accessToken('marketer@example.com', 'Marketer-pass-1');
const shopperToken = () => accessToken('shopper@example.com', 'Shopper-pass-1');

function req(path: string, init: { method?: string; token?: string; body?: unknown; origin?: string } = {}): Request {
  const headers = new Headers();
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  headers.set('origin', init.origin ?? 'http://localhost:3000');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

const codeCtx = (code: string) => ({ params: Promise.resolve({ code }) });
type ErrorJson = { error: { code: string; message: string; details?: unknown } };
type PromotionJson = { code: string; version: number; active: boolean; value: number; redemptions: number; updatedBy: string };

const valid = (code: string) => ({
  code,
  description: 'Ten off',
  kind: 'amount',
  value: 1000,
  minSubtotal: { amount: 5000, currency: 'USD' },
  usageLimit: 100,
});

describe('admin promotion routes without middleware', () => {
  it('answer 401 without a session and 403 to a shopper, changing nothing', async () => {
    expect((await listRoute(req('/api/admin/promotions'), undefined)).status).toBe(401);
    const token = await shopperToken();
    const code = uniqueCode('DENY');
    expect((await listRoute(req('/api/admin/promotions', { token }), undefined)).status).toBe(403);
    const created = await createRoute(req('/api/admin/promotions', { method: 'POST', token, body: valid(code) }), undefined);
    expect(created.status).toBe(403);
    const marketer = await marketerToken();
    const list = (await (await listRoute(req('/api/admin/promotions', { token: marketer }), undefined)).json()) as { promotions: PromotionJson[] };
    expect(list.promotions.some((p) => p.code === code)).toBe(false);
  });

  it('creates, lists with redemptions, edits with the version, refuses a duplicate and a stale version, and keeps the history', async () => {
    const token = await marketerToken();
    const code = uniqueCode('ADMIN');
    const created = await createRoute(req('/api/admin/promotions', { method: 'POST', token, body: { ...valid(code), code: code.toLowerCase() } }), undefined);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code, version: 1, active: true, redemptions: 0, updatedBy: 'marketer@example.com' });

    const duplicate = await createRoute(req('/api/admin/promotions', { method: 'POST', token, body: valid(code) }), undefined);
    expect(duplicate.status).toBe(409);

    const list = (await (await listRoute(req('/api/admin/promotions', { token }), undefined)).json()) as { promotions: PromotionJson[] };
    expect(list.promotions.find((p) => p.code === code)).toMatchObject({ redemptions: 0, version: 1 });

    const paused = await patchRoute(
      req(`/api/admin/promotions/${code}`, { method: 'PATCH', token, body: { active: false, expectedVersion: 1 } }),
      codeCtx(code),
    );
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ active: false, version: 2 });

    const stale = await patchRoute(req(`/api/admin/promotions/${code}`, { method: 'PATCH', token, body: { value: 2000, expectedVersion: 1 } }), codeCtx(code));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorJson).error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2, current: { active: false } } });

    const history = (await (await historyRoute(req(`/api/admin/promotions/${code}/history`, { token }), codeCtx(code))).json()) as {
      entries: { version: number; action: string; by: string; before: { active: boolean } | null; after: { active: boolean } }[];
    };
    expect(history.entries.map((e) => [e.version, e.action, e.before?.active ?? null, e.after.active])).toEqual([
      [2, 'update', true, false],
      [1, 'create', null, true],
    ]);
    expect(history.entries[0]!.by).toBe('marketer@example.com');
  });

  it('answers each invalid field with its own message', async () => {
    const token = await marketerToken();
    const res = await createRoute(
      req('/api/admin/promotions', {
        method: 'POST',
        token,
        body: {
          code: 'x',
          description: '',
          kind: 'percent',
          value: 150,
          startsAt: '2026-12-10T00:00:00Z',
          endsAt: '2026-12-01T00:00:00Z',
          usageLimit: 0,
          automatic: true,
          perCustomerLimit: 1,
        },
      }),
      undefined,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = (body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['code', 'description', 'usageLimit']));

    // Cross-field rules, on an otherwise valid body.
    const cross = await createRoute(
      req('/api/admin/promotions', {
        method: 'POST',
        token,
        body: {
          code: uniqueCode('X'),
          description: 'Cross',
          kind: 'percent',
          value: 150,
          startsAt: '2026-12-10T00:00:00Z',
          endsAt: '2026-12-01T00:00:00Z',
          automatic: true,
          perCustomerLimit: 1,
        },
      }),
      undefined,
    );
    expect(cross.status).toBe(400);
    const crossPaths = (((await cross.json()) as ErrorJson).error.details as { path: string }[]).map((d) => d.path).sort();
    expect(crossPaths).toEqual(['endsAt', 'perCustomerLimit', 'value']);
  });

  it('refuses a category the shop does not have, on create and on edit, with a message naming it (issue 29)', async () => {
    const token = await marketerToken();
    const known = `cat-${uniqueCode('K').toLowerCase()}`;
    await ensureCategory(known);
    const ghost = `no-such-${uniqueCode('G').toLowerCase()}`;
    const code = uniqueCode('CAT');

    const refused = await createRoute(req('/api/admin/promotions', { method: 'POST', token, body: { ...valid(code), categories: [known, ghost] } }), undefined);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as ErrorJson;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([{ path: 'categories', message: `there is no category "${ghost}": choose from the shop's categories` }]);
    const list = (await (await listRoute(req('/api/admin/promotions', { token }), undefined)).json()) as { promotions: PromotionJson[] };
    expect(list.promotions.some((p) => p.code === code)).toBe(false);

    const created = await createRoute(req('/api/admin/promotions', { method: 'POST', token, body: { ...valid(code), categories: [known] } }), undefined);
    expect(created.status).toBe(201);
    const patched = await patchRoute(
      req(`/api/admin/promotions/${code}`, { method: 'PATCH', token, body: { categories: [ghost], expectedVersion: 1 } }),
      codeCtx(code),
    );
    expect(patched.status).toBe(400);
    expect(((await patched.json()) as ErrorJson).error.message).toContain(`"${ghost}"`);
  });

  it('refuses a foreign origin', async () => {
    const token = await marketerToken();
    const res = await createRoute(
      req('/api/admin/promotions', { method: 'POST', token, body: valid(uniqueCode('CSRF')), origin: 'https://evil.example' }),
      undefined,
    );
    expect(res.status).toBe(403);
  });
});
