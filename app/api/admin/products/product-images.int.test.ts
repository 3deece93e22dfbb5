import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import sharp from 'sharp';
import { describe, expect, inject, it, vi } from 'vitest';
import type { AdminProduct } from '@/server/catalog';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { cognitoClient } from '@/server/platform/aws/clients';
import { GET as imageRoute } from '../../../images/uploads/[...key]/route';
import { POST as presignRoute } from './[id]/images/route';
import { PATCH as patchRoute } from './[id]/route';

// Product content and images (API.md "Back office"), against fauxqs's S3 and DynamoDB Local: the presign answers a
// marketer only; a file posted to the presigned form is attached by key only if its bytes are a usable image; the
// attached image is served from the bucket; name and description are versioned and audited like prices.

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

function req(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Request {
  const headers = new Headers();
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });
type Presigned = { upload: { url: string; fields: Record<string, string> }; key: string };

async function presign(token: string, id: string): Promise<Presigned> {
  const res = await presignRoute(req(`/api/admin/products/${id}/images`, { method: 'POST', token }), idCtx(id));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Presigned;
}

async function post(p: Presigned, bytes: Uint8Array, type: string): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(p.upload.fields)) form.append(k, v);
  form.append('Content-Type', type);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  return fetch(p.upload.url, { method: 'POST', body: form });
}

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: '#c05a2b' } })
    .png()
    .toBuffer();

async function patch(token: string, id: string, body: Record<string, unknown>): Promise<Response> {
  return patchRoute(req(`/api/admin/products/${id}`, { method: 'PATCH', token, body }), idCtx(id));
}

describe('product images', () => {
  it('presign answers a marketer and refuses a shopper or nobody', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    expect((await presignRoute(req(`/api/admin/products/${p.id}/images`, { method: 'POST' }), idCtx(p.id))).status).toBe(401);
    const shopper = await accessToken('shopper@example.com', 'Shopper-pass-1');
    expect((await presignRoute(req(`/api/admin/products/${p.id}/images`, { method: 'POST', token: shopper }), idCtx(p.id))).status).toBe(403);
    const marketer = await accessToken('marketer@example.com', 'Marketer-pass-1');
    const presigned = await presign(marketer, p.id);
    expect(presigned.key).toMatch(new RegExp(`^products/${p.id}/[0-9a-f-]{36}$`));
    expect(presigned.upload.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(presigned.upload.fields).toHaveProperty('Policy');
    expect((await presignRoute(req('/api/admin/products/p-nope/images', { method: 'POST', token: marketer }), idCtx('p-nope'))).status).toBe(404);
  });

  it('attaches an uploaded image by key after checking its bytes, serves it, and audits the change', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const marketer = await accessToken('marketer@example.com', 'Marketer-pass-1');
    const good = await presign(marketer, p.id);
    expect((await post(good, await png(600, 500), 'image/png')).status).toBeLessThan(300);

    const res = await patch(marketer, p.id, { images: [good.key], name: 'Camp mug, enamel', description: 'Holds 350 ml.', expectedVersion: 0 });
    expect(res.status, await res.clone().text()).toBe(200);
    const product = (await res.json()) as AdminProduct;
    expect(product).toMatchObject({ name: 'Camp mug, enamel', description: 'Holds 350 ml.', images: [`/images/uploads/${good.key}`], version: 1 });

    const served = await imageRoute(req(`/images/uploads/${good.key}`), { params: Promise.resolve({ key: good.key.split('/') }) });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(600);

    // Saving the images it read back (paths) keeps them; a stale version is a 409 like any edit.
    expect((await patch(marketer, p.id, { images: product.images, name: 'Camp mug', expectedVersion: 1 })).status).toBe(200);
    expect((await patch(marketer, p.id, { name: 'Late', expectedVersion: 1 })).status).toBe(409);
  });

  it('refuses to attach what is not a usable image of this product, with a 400 naming images', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const other = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 4 }] });
    const marketer = await accessToken('marketer@example.com', 'Marketer-pass-1');
    const small = await presign(marketer, p.id);
    await post(small, await png(120, 120), 'image/png');
    const fake = await presign(marketer, p.id);
    await post(fake, new TextEncoder().encode('<html>not an image</html>'), 'image/png');
    const never = await presign(marketer, p.id);
    const foreign = await presign(marketer, other.id);
    await post(foreign, await png(600, 600), 'image/png');

    const cases: [string, RegExp][] = [
      [small.key, /at least 400 pixels/],
      [fake.key, /not a JPEG, PNG or WebP/],
      [never.key, /not uploaded/],
      [foreign.key, /neither an image of/],
      ['/images/products/elsewhere.p-1.1.png', /neither an image of/],
    ];
    for (const [key, message] of cases) {
      const res = await patch(marketer, p.id, { images: [key], expectedVersion: 0 });
      expect(res.status, key).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(message);
    }
    const blank = await patch(marketer, p.id, { name: '   ', expectedVersion: 0 });
    expect(blank.status).toBe(400);
    // Past 5 MB: S3 refuses it by the post policy (content-length-range); fauxqs does not check policies, so this is
    // the attach-time check that stands behind it.
    const big = await presign(marketer, p.id);
    await post(big, new Uint8Array(5 * 1024 * 1024 + 1), 'image/png');
    const tooBig = await patch(marketer, p.id, { images: [big.key], expectedVersion: 0 });
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(/larger than 5 MB/);
  });
});
