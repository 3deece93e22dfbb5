import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STREAM_MAPPINGS } from '@/infra/event-mappings';
import { type LambdaStreamRecord, type StreamMapping, startDynamoStreamMapping } from '@/local/lambda/event-source-mapping';
import { putProduct } from '@/server/checkout/test-support/fixtures';
import { registerAccount } from '@/server/identity/cognito-accounts';
import { cognitoClient, sqsClient } from '@/server/platform/aws/clients';
import { tableName } from '@/server/platform/db';
import type { StreamFailure } from '@/server/streams/contract';
import { POST as discardRoute } from './stream-failures/discard/route';
import { GET as listRoute } from './stream-failures/route';

// Issue 29: the stream consumers' dead letters in the operations console. A products-stream consumer that fails on
// one product (the emulated event source mapping of local/lambda, with the settings the real one has) reports it
// to the stack's StreamFailuresDlq on fauxqs; the console's data route then names the stream, the consumer, the
// error, when, and reads the failed record's key back from DynamoDB Local's stream. Only operations may read or
// discard; a discarded report is gone, and discarding it again is a 404.

const env = inject('localStackEnv');
const BASE = 'http://127.0.0.1:3000';
const noCtx = undefined as never;

async function accessToken(email: string, password: string): Promise<string> {
  const out = await cognitoClient().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID!, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return out.AuthenticationResult!.AccessToken!;
}

function req(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('cookie', `sf_at=${init.token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

async function list(token: string): Promise<StreamFailure[]> {
  const res = await listRoute(req('/api/admin/dead-letters/stream-failures', { token }), noCtx);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: StreamFailure[] }).items;
}

const discard = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  discardRoute(req('/api/admin/dead-letters/stream-failures/discard', { method: 'POST', token, body, headers }), noCtx);

let ops: string;
let marketer: string;
let shopper: string;
let mapping: StreamMapping | null = null;

beforeAll(async () => {
  expect(env.STREAM_FAILURES_DLQ_URL).toBeTruthy();
  ops = await accessToken('ops@example.com', 'Operations-pass-1');
  marketer = await accessToken('marketer@example.com', 'Marketer-pass-1');
  const email = `stream-dlq-${Date.now().toString(36)}@example.com`;
  await registerAccount({ email, password: 'Sturdy-pass-42', name: 'Sam Shopper' });
  shopper = await accessToken(email, 'Sturdy-pass-42');
}, 60_000);

afterAll(async () => {
  await mapping?.stop();
});

describe('stream failures in the operations console', () => {
  it('shows a record a products-stream consumer failed on: stream, consumer, error, when, and the product’s key', async () => {
    const poison = { id: '' };
    const before = Date.now();
    mapping = startDynamoStreamMapping({
      name: 'stream-dlq-console-test',
      table: tableName('products'),
      destinationQueueUrl: env.STREAM_FAILURES_DLQ_URL,
      settings: STREAM_MAPPINGS.catalogChanges,
      invoke: async (event) => {
        const ids = (event as { Records: LambdaStreamRecord[] }).Records.map((r) => (r.dynamodb.Keys as { id?: { S?: string } }).id?.S);
        if (poison.id && ids.includes(poison.id)) throw new Error('this consumer cannot handle that product');
        return null;
      },
    });
    await mapping.ready;
    poison.id = (await putProduct({ variants: [{ id: 'v1', price: 900, stock: 3 }] })).id;

    let mine: StreamFailure | undefined;
    const deadline = Date.now() + 20_000;
    while (!mine && Date.now() < deadline) {
      mine = (await list(ops)).find((f) => f.keys?.some((k) => k.id === poison.id));
      if (!mine) await new Promise((r) => setTimeout(r, 250));
    }
    expect(mine).toBeDefined();
    expect(mine!.stream).toBe('products');
    expect(mine!.consumer).toBe('stream-dlq-console-test');
    expect(mine!.error).toBe(`Failed on every retry, ${STREAM_MAPPINGS.catalogChanges.maximumRetryAttempts + 1} attempts (Unhandled error)`);
    expect(mine!.records.count).toBe(1);
    expect(mine!.keys).toEqual([{ id: poison.id }]);
    expect(Date.parse(mine!.at)).toBeGreaterThanOrEqual(before - 1_000);
    // Listing is a peek: the report is still there for the next reader.
    expect((await list(ops)).some((f) => f.messageId === mine!.messageId)).toBe(true);
  });

  it('shows a report whose records the stream no longer has by its pointer, and an unreadable one as such', async () => {
    const report = {
      requestContext: {
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:storefront-prod-TopSellers',
        condition: 'RecordAgeExceeded',
        approximateInvokeCount: 1,
      },
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-01-02T03:04:05.000Z',
      DDBStreamBatchInfo: {
        shardId: 'shardId-00000001700000000000-gone',
        startSequenceNumber: '100',
        endSequenceNumber: '130',
        batchSize: 2,
        streamArn: `arn:aws:dynamodb:us-east-1:123456789012:table/${tableName('orders')}/stream/2026-01-01T00:00:00.000`,
      },
    };
    const sent = await sqsClient().send(new SendMessageCommand({ QueueUrl: env.STREAM_FAILURES_DLQ_URL, MessageBody: JSON.stringify(report) }));
    const junk = await sqsClient().send(new SendMessageCommand({ QueueUrl: env.STREAM_FAILURES_DLQ_URL, MessageBody: 'not json' }));
    const items = await list(ops);
    const old = items.find((f) => f.messageId === sent.MessageId);
    expect(old).toMatchObject({
      stream: 'orders',
      consumer: 'storefront-prod-TopSellers',
      error: 'Too old to process (skipped), 1 attempt (Unhandled error)',
      at: '2026-01-02T03:04:05.000Z',
      records: { count: 2, firstSequence: '100', lastSequence: '130' },
      keys: null,
    });
    expect(items.find((f) => f.messageId === junk.MessageId)).toMatchObject({ stream: 'unknown', error: 'Unreadable report', keys: null });
    // Oldest first.
    expect(items.findIndex((f) => f.messageId === sent.MessageId)).toBeLessThan(items.findIndex((f) => f.messageId === junk.MessageId));
  });

  it('lets only operations read or discard, refuses a foreign origin and a bad body, and discards once', async () => {
    const target = (await list(ops))[0]!;
    for (const token of [undefined, shopper, marketer]) {
      const read = await listRoute(req('/api/admin/dead-letters/stream-failures', { token }), noCtx);
      expect(read.status).toBe(token ? 403 : 401);
      expect((await discard(token, { messageId: target.messageId })).status).toBe(token ? 403 : 401);
    }
    expect((await discard(ops, { messageId: target.messageId }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await list(ops)).some((f) => f.messageId === target.messageId)).toBe(true);

    for (const body of [{}, { messageId: '' }, { messageId: target.messageId, extra: 1 }]) {
      const res = await discard(ops, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }

    const res = await discard(ops, { messageId: target.messageId });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ discarded: target.messageId });
    expect((await list(ops)).some((f) => f.messageId === target.messageId)).toBe(false);
    expect((await discard(ops, { messageId: target.messageId })).status).toBe(404);
  });
});
