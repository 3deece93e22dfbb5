import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { OrderRecord, OrderStatus } from '@/server/orders/contract';
import { newOrderId } from '@/server/orders/order-id';
import { cognitoClient, dynamoDoc } from '@/server/platform/aws/clients';
import { statusShardKey, tableName } from '@/server/platform/db/tables';
import { GET as listRoute } from './route';

// The console's list as an outside client reads it (issue 29): `status=` (the form's "Any status") is every
// status, not a 400; every mode is newest first, across statuses too, and pages on without repeats. Orders are
// written straight to DynamoDB Local with ids from a far-future clock, so they are the newest in the table
// whatever else the suite has placed, in an insertion order unlike their time order.

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), cacheLife: () => {}, cacheTag: () => {} }));

const env = inject('localStackEnv');
const noCtx = undefined as never;
const FUTURE = Date.UTC(2200, 0, 1);
const email = `search-${Date.now().toString(36)}@example.com`;
const other = `other-${Date.now().toString(36)}@example.com`;

type Item = { id: string; status: string; email: string; createdAt: string };
let ops: string;
// index = minutes after FUTURE; written in this (shuffled) order.
const plan: { minute: number; status: OrderStatus; email: string }[] = [
  { minute: 3, status: 'SHIPPED', email },
  { minute: 7, status: 'PLACED', email: other },
  { minute: 1, status: 'DELIVERED', email },
  { minute: 6, status: 'CANCELLED', email },
  { minute: 2, status: 'PLACED', email: other },
  { minute: 5, status: 'DELIVERED', email: other },
  { minute: 4, status: 'RETURNED', email },
];
const ids = new Map<number, string>();

async function list(query: string): Promise<{ items: Item[]; nextCursor: string | null }> {
  const res = await listRoute(new Request(`http://127.0.0.1:3000/api/admin/orders?${query}`, { headers: { cookie: `sf_at=${ops}` } }), noCtx);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { items: Item[]; nextCursor: string | null };
}

const newest = (minutes: number[]) => minutes.map((m) => ids.get(m));

beforeAll(async () => {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: env.COGNITO_CLIENT_ID!,
      AuthParameters: { USERNAME: 'ops@example.com', PASSWORD: 'Operations-pass-1' },
    }),
  );
  ops = out.AuthenticationResult!.AccessToken!;
  for (const p of plan) {
    const at = FUTURE + p.minute * 60_000;
    const orderId = newOrderId(at);
    ids.set(p.minute, orderId);
    const record = {
      userId: `search-test-${p.email}`,
      orderId,
      status: p.status,
      statusShard: statusShardKey(p.status, orderId),
      email: p.email,
      createdAt: new Date(at).toISOString(),
      items: [{ name: 'Thing', quantity: 1 }],
      total: { amount: 1000, currency: 'USD' },
    } as unknown as OrderRecord;
    await dynamoDoc().send(new PutCommand({ TableName: tableName('orders'), Item: record }));
  }
}, 60_000);

describe('operations order search', () => {
  it('reads status= as every status, and finds an email from the default form', async () => {
    const found = await list(`status=&q=${encodeURIComponent(email.toUpperCase())}`);
    expect(found.items.map((o) => o.id)).toEqual(newest([6, 4, 3, 1]));
    expect(found.items.map((o) => o.status)).toEqual(['CANCELLED', 'RETURNED', 'SHIPPED', 'DELIVERED']);
  });

  it('lists every order newest first across statuses, paging on without repeats or gaps', async () => {
    const first = await list('status=&limit=3');
    expect(first.items.map((o) => o.id)).toEqual(newest([7, 6, 5]));
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((o) => o.id)).toEqual(newest([4, 3, 2]));
    const third = await list(`limit=3&cursor=${second.nextCursor}`);
    expect(third.items[0]?.id).toBe(ids.get(1));
  });

  it('is newest first within a status and within an email with a status', async () => {
    expect((await list('status=PLACED&limit=2')).items.map((o) => o.id)).toEqual(newest([7, 2]));
    const delivered = await list(`status=DELIVERED&q=${encodeURIComponent(email)}&limit=1`);
    expect(delivered.items.map((o) => o.id)).toEqual(newest([1]));
    expect(delivered.nextCursor).toBeNull();
  });

  it('refuses an unknown status and a forged cursor with 400', async () => {
    for (const query of ['status=LOST', `cursor=${Buffer.from(JSON.stringify({ b: 'x' })).toString('base64url')}`]) {
      const res = await listRoute(new Request(`http://127.0.0.1:3000/api/admin/orders?${query}`, { headers: { cookie: `sf_at=${ops}` } }), noCtx);
      expect(res.status, query).toBe(400);
    }
  });
});
