import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import type { AdminProduct, ProductAuditEntry } from '@/server/catalog';
import { putProduct, stockOf } from '@/server/checkout/test-support/fixtures';
import { cognitoClient } from '@/server/platform/aws/clients';
import { GET as historyRoute } from './[id]/history/route';
import { GET as getRoute, PATCH as patchRoute } from './[id]/route';
import { GET as listRoute } from './route';

// The admin product routes called directly, as if middleware had been bypassed (ADR 0004): the handlers alone
// refuse anyone outside `marketers`, foreign origins and bad fields. Real tokens from cognito-local, DynamoDB Local.

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}
const marketer = () => accessToken('marketer@example.com', 'Marketer-pass-1');
const shopper = () => accessToken('shopper@example.com', 'Shopper-pass-1');

function req(path: string, init: { method?: string; token?: string; body?: unknown; origin?: string } = {}): Request {
  const headers = new Headers();
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  if (init.origin) headers.set('origin', init.origin);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('admin product routes without middleware', () => {
  it('answer 401 without a session and 403 to a shopper, changing nothing', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    expect((await listRoute(req('/api/admin/products'), undefined)).status).toBe(401);
    const token = await shopper();
    expect((await listRoute(req('/api/admin/products', { token }), undefined)).status).toBe(403);
    expect((await getRoute(req(`/api/admin/products/${p.id}`, { token }), idCtx(p.id))).status).toBe(403);
    expect((await historyRoute(req(`/api/admin/products/${p.id}/history`, { token }), idCtx(p.id))).status).toBe(403);
    const patch = await patchRoute(
      req(`/api/admin/products/${p.id}`, { method: 'PATCH', token, body: { variants: [{ id: 'v', stock: 0 }], expectedVersion: 0 } }),
      idCtx(p.id),
    );
    expect(patch.status).toBe(403);
    expect(await code(patch)).toBe('FORBIDDEN');
    expect(await stockOf(p.id, 'v')).toBe(4);
  });

  it('answer 403 to a marketer whose PATCH comes from another site', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const res = await patchRoute(
      req(`/api/admin/products/${p.id}`, {
        method: 'PATCH',
        token: await marketer(),
        origin: 'https://evil.example',
        body: { published: false, expectedVersion: 0 },
      }),
      idCtx(p.id),
    );
    expect(res.status).toBe(403);
  });

  it('answer 400 with the field for bad input, and never a 500', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const token = await marketer();
    const bodies: [unknown, string][] = [
      [{ variants: [{ id: 'v', price: { amount: -5, currency: 'USD' } }], expectedVersion: 0 }, 'variants.0.price.amount'],
      [{ variants: [{ id: 'v', price: { amount: 500, currency: 'EUR' } }], expectedVersion: 0 }, 'variants.0.price.currency'],
      [{ variants: [{ id: 'v', stock: 1.5 }], expectedVersion: 0 }, 'variants.0.stock'],
      [{ variants: [{ id: 'v', stock: -1 }], expectedVersion: 0 }, 'variants.0.stock'],
      [{ published: 'no', expectedVersion: 0 }, 'published'],
      [{ published: false }, 'expectedVersion'],
      // A field the API does not edit (name, description and images it does: API.md 2026-12-07).
      [{ slug: 'renamed', expectedVersion: 0 }, ''],
      [{ variants: [{ id: 'ghost', stock: 2 }], expectedVersion: 0 }, 'variants.0.id'],
    ];
    for (const [body, path] of bodies) {
      const res = await patchRoute(req(`/api/admin/products/${p.id}`, { method: 'PATCH', token, body }), idCtx(p.id));
      const json = (await res.json()) as { error: { code: string; details?: { path: string }[] } };
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(json.error.code).toBe('VALIDATION_FAILED');
      if (path) expect(json.error.details?.map((d) => d.path)).toContain(path);
    }
    expect(await stockOf(p.id, 'v')).toBe(4);
    expect(
      (await patchRoute(req('/api/admin/products/bad%20id', { method: 'PATCH', token, body: { published: false, expectedVersion: 0 } }), idCtx('bad id')))
        .status,
    ).toBe(400);
  });

  it('edit, 409 on the stale version, and list the change in the history', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const token = await marketer();
    const ok = await patchRoute(
      req(`/api/admin/products/${p.id}`, {
        method: 'PATCH',
        token,
        body: { variants: [{ id: 'v', price: { amount: 1_250, currency: 'USD' }, stock: 9, expectedStock: 4 }], expectedVersion: 0 },
      }),
      idCtx(p.id),
    );
    expect(ok.status).toBe(200);
    const product = (await ok.json()) as AdminProduct;
    expect(product).toMatchObject({ version: 1, published: true, variants: [{ id: 'v', price: { amount: 1_250, currency: 'USD' }, available: 9 }] });

    const stale = await patchRoute(req(`/api/admin/products/${p.id}`, { method: 'PATCH', token, body: { featuredRank: 1, expectedVersion: 0 } }), idCtx(p.id));
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; details: { currentVersion: number; current: AdminProduct } } };
    expect(conflict.error.code).toBe('VERSION_CONFLICT');
    expect(conflict.error.details).toMatchObject({ currentVersion: 1, current: { version: 1 } });

    const history = await historyRoute(req(`/api/admin/products/${p.id}/history`, { token }), idCtx(p.id));
    const { entries } = (await history.json()) as { entries: ProductAuditEntry[] };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      by: 'marketer@example.com',
      before: { variants: [{ price: 1_000, stock: 4 }] },
      after: { variants: [{ price: 1_250, stock: 9 }] },
    });

    const list = await listRoute(req(`/api/admin/products?q=${encodeURIComponent(p.id)}`, { token }), undefined);
    const found = (await list.json()) as { items: { id: string; version: number }[] };
    expect(found.items).toEqual([expect.objectContaining({ id: p.id, version: 1 })]);
  });
});
