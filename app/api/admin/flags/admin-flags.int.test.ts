import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import type { Flag, FlagAuditEntry } from '@/server/flags';
import { cognitoClient } from '@/server/platform/aws/clients';
import { GET as historyRoute } from './[key]/history/route';
import { POST as revertRoute } from './[key]/revert/route';
import { PATCH as patchRoute } from './[key]/route';
import { GET as listRoute } from './route';

// The admin route handlers called directly, as if middleware had been bypassed (ADR 0004): the handler alone must
// refuse anyone outside `marketers`. Real tokens from cognito-local, real tables in DynamoDB Local.

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

const tokens = {
  marketer: () => accessToken('marketer@example.com', 'Marketer-pass-1'),
  shopper: () => accessToken('shopper@example.com', 'Shopper-pass-1'),
};

function req(path: string, init: { method?: string; token?: string; body?: unknown; origin?: string } = {}): Request {
  const headers = new Headers();
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  if (init.origin) headers.set('origin', init.origin);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

const keyCtx = (key: string) => ({ params: Promise.resolve({ key }) });

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('admin flag routes without middleware', () => {
  it('answer 401 without a session', async () => {
    const res = await listRoute(req('/api/admin/flags'), undefined);
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('answer 403 to a signed-in shopper on every route, and change nothing', async () => {
    const token = await tokens.shopper();
    const list = await listRoute(req('/api/admin/flags', { token }), undefined);
    expect(list.status).toBe(403);
    expect(await errorCode(list)).toBe('FORBIDDEN');
    const patch = await patchRoute(
      req('/api/admin/flags/store-locator', { method: 'PATCH', token, body: { enabled: false, expectedVersion: 1 } }),
      keyCtx('store-locator'),
    );
    expect(patch.status).toBe(403);
    const history = await historyRoute(req('/api/admin/flags/store-locator/history', { token }), keyCtx('store-locator'));
    expect(history.status).toBe(403);
    const revert = await revertRoute(
      req('/api/admin/flags/store-locator/revert', { method: 'POST', token, body: { entryId: '0000000001#2025-01-01T00:00:00.000Z', expectedVersion: 1 } }),
      keyCtx('store-locator'),
    );
    expect(revert.status).toBe(403);

    const flags = ((await (await listRoute(req('/api/admin/flags', { token: await tokens.marketer() }), undefined)).json()) as { flags: Flag[] }).flags;
    expect(flags.find((f) => f.key === 'store-locator')?.enabled).toBe(true);
  });

  it('answer 403 to a marketer whose PATCH comes from another site', async () => {
    const res = await patchRoute(
      req('/api/admin/flags/store-locator', {
        method: 'PATCH',
        token: await tokens.marketer(),
        origin: 'https://evil.example',
        body: { enabled: false, expectedVersion: 1 },
      }),
      keyCtx('store-locator'),
    );
    expect(res.status).toBe(403);
  });

  it('let a marketer list, change, read history and revert; a stale version is a 409 with the current one', async () => {
    const token = await tokens.marketer();
    const list = await listRoute(req('/api/admin/flags', { token }), undefined);
    expect(list.status).toBe(200);
    const { flags } = (await list.json()) as { flags: Flag[] };
    expect(flags.map((f) => f.key)).toEqual(
      expect.arrayContaining(['top-sellers', 'recommendations', 'store-locator', 'chat-assistant', 'free-shipping-banner']),
    );
    const flag = flags.find((f) => f.key === 'chat-assistant')!;
    expect(Object.keys(flag).sort()).toEqual(['audience', 'description', 'enabled', 'key', 'rolloutPercent', 'updatedAt', 'updatedBy', 'version']);

    const patched = await patchRoute(
      req('/api/admin/flags/chat-assistant', { method: 'PATCH', token, body: { rolloutPercent: 20, expectedVersion: flag.version } }),
      keyCtx('chat-assistant'),
    );
    expect(patched.status).toBe(200);
    const updated = (await patched.json()) as Flag;
    expect(updated).toMatchObject({ rolloutPercent: 20, version: flag.version + 1, updatedBy: 'marketer@example.com' });

    const stale = await patchRoute(
      req('/api/admin/flags/chat-assistant', { method: 'PATCH', token, body: { enabled: false, expectedVersion: flag.version } }),
      keyCtx('chat-assistant'),
    );
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; details: { currentVersion: number; current: Flag } } };
    expect(conflict.error.code).toBe('VERSION_CONFLICT');
    expect(conflict.error.details.currentVersion).toBe(updated.version);
    expect(conflict.error.details.current.rolloutPercent).toBe(20);

    const history = await historyRoute(req('/api/admin/flags/chat-assistant/history?limit=5', { token }), keyCtx('chat-assistant'));
    expect(history.status).toBe(200);
    const { entries } = (await history.json()) as { entries: FlagAuditEntry[]; nextCursor: string | null };
    expect(entries[0]).toMatchObject({ by: 'marketer@example.com', before: { rolloutPercent: flag.rolloutPercent }, after: { rolloutPercent: 20 } });
    expect(typeof entries[0]?.at).toBe('string');

    const reverted = await revertRoute(
      req('/api/admin/flags/chat-assistant/revert', { method: 'POST', token, body: { entryId: entries[0]!.entryId, expectedVersion: updated.version } }),
      keyCtx('chat-assistant'),
    );
    expect(reverted.status).toBe(200);
    expect((await reverted.json()) as Flag).toMatchObject({ rolloutPercent: flag.rolloutPercent, version: updated.version + 1 });
  });

  it('answer 400 for bad input and 404 for an unknown flag, never 500', async () => {
    const token = await tokens.marketer();
    const bad = await patchRoute(
      req('/api/admin/flags/chat-assistant', { method: 'PATCH', token, body: { rolloutPercent: 150, expectedVersion: 1 } }),
      keyCtx('chat-assistant'),
    );
    expect(bad.status).toBe(400);
    const badKey = await patchRoute(req('/api/admin/flags/NOPE!', { method: 'PATCH', token, body: { enabled: true, expectedVersion: 1 } }), keyCtx('NOPE!'));
    expect(badKey.status).toBe(400);
    const unknown = await historyRoute(req('/api/admin/flags/no-such-flag/history', { token }), keyCtx('no-such-flag'));
    expect(unknown.status).toBe(404);
    const notJson = new Request(`${BASE}/api/admin/flags/chat-assistant`, { method: 'PATCH', headers: { cookie: `sf_at=${token}` }, body: '{' });
    expect((await patchRoute(notJson, keyCtx('chat-assistant'))).status).toBe(400);
  });
});
