import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import type { ProductRecord } from '../catalog/contract';
import { putProduct, uniqueId } from '../checkout/test-support/fixtures';
import { testUser } from '../checkout/test-support/request-context';
import { dynamoDoc } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { tableName } from '../platform/db/tables';
import { handleProductsStreamEvent, type RawStreamRecord } from '../streams/products-stream';
import { confirmRestockWithToken, eraseUserAlerts, subscribeToPriceDrop, subscribeToRestock, unsubscribeWithToken } from './index';

// Alerts end to end on the local stack: a subscription in DynamoDB Local, the product changed in its table, the
// products stream's records for that change handed to the consumer (twice, as a redelivery would), and the mail
// read back from the SES stand-in's store.

// The search index and cache tags are other suites' business; here they only must not get in the way.
vi.mock('../search', async (importOriginal) => ({ ...(await importOriginal<typeof import('../search')>()), applySearchIndexChanges: async () => {} }));
vi.mock('../platform/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('../platform/cache')>()), expireTags: async () => {} }));

type Stored = { emails: { destination: { to: string[] }; subject: string; body: { text: string; html: string } }[] };

async function mailsTo(address: string) {
  const stored = (await (await fetch(`${getConfig().SES_ENDPOINT}/store`)).json()) as Stored;
  return stored.emails.filter((e) => e.destination.to.includes(address));
}

/** The alerts a guest's address got, without the double opt-in question. */
async function alertMailsTo(address: string) {
  return (await mailsTo(address)).filter((m) => !m.subject.startsWith('Confirm your alert'));
}

/** The token of the newest confirmation link mailed to `address`. */
async function confirmationToken(address: string): Promise<string> {
  const asks = (await mailsTo(address)).filter((m) => m.subject.startsWith('Confirm your alert'));
  return decodeURIComponent(/\/alerts\/confirm\?t=([^\s&]+)/.exec(asks.at(-1)!.body.text)![1]!);
}

async function read(id: string): Promise<ProductRecord> {
  return (await dynamoDoc().send(new GetCommand({ TableName: tableName('products'), Key: { id }, ConsistentRead: true }))).Item as ProductRecord;
}

/** Changes the product in its table and returns the stream record DynamoDB writes for it (old and new image). */
async function change(id: string, update: { stock?: Record<string, number>; minPrice?: number }): Promise<RawStreamRecord> {
  const before = await read(id);
  await dynamoDoc().send(
    new UpdateCommand({
      TableName: tableName('products'),
      Key: { id },
      UpdateExpression: 'SET stock = :s, minPrice = :p',
      ExpressionAttributeValues: { ':s': { ...before.stock, ...update.stock }, ':p': update.minPrice ?? before.minPrice },
    }),
  );
  const after = await read(id);
  return {
    eventName: 'MODIFY',
    dynamodb: { Keys: marshall({ id }), OldImage: marshall(before), NewImage: marshall(after), SequenceNumber: String(Date.now()) },
  };
}

// A fresh client address per call: the guest limits below count per address.
let addressCount = 0;
const address = () => `v4:198.51.${Math.floor(Math.random() * 200)}.${++addressCount % 250}`;

describe('back-in-stock alerts', () => {
  it('sends exactly one email on 0 → n, even when the stream delivers the records again, and then ends', async () => {
    const p = await putProduct({
      variants: [
        { id: 'v', price: 3_000, stock: 0 },
        { id: 'w', price: 3_000, stock: 0 },
      ],
    });
    const guest = `${uniqueId('guest')}@example.com`;
    await subscribeToRestock(null, { productId: p.id, variantId: 'v', email: guest }, address());
    const firstLink = await confirmationToken(guest);
    await subscribeToRestock(null, { productId: p.id, variantId: 'v', email: guest.toUpperCase() }, address()); // twice keeps one
    expect(await confirmRestockWithToken(firstLink)).toBe(false); // that instance was replaced
    expect(await confirmRestockWithToken(`${await confirmationToken(guest)}x`)).toBe(false);
    expect(await confirmRestockWithToken(await confirmationToken(guest))).toBe(true);

    const restock = await change(p.id, { stock: { v: 4 } });
    await handleProductsStreamEvent({ Records: [restock] });
    await handleProductsStreamEvent({ Records: [restock] }); // redelivery of the same records
    const mails = await alertMailsTo(guest);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Back in stock: ${p.name}`);
    expect(mails[0]!.body.text).toContain(`/p/${p.slug}`);
    const unsubscribe = /\/alerts\/unsubscribe\?t=([A-Za-z0-9_.%-]+)/.exec(mails[0]!.body.text);
    expect(unsubscribe).not.toBeNull();

    // The subscription ended: selling out and restocking again sends nothing more.
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 0 } })] });
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 2 } })] });
    expect(await alertMailsTo(guest)).toHaveLength(1);
  });

  it('mails a guest-typed address nothing but one question until its owner confirms (double opt-in, issue 30 M8)', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 3_000, stock: 0 }] });
    const stranger = `${uniqueId('stranger')}@example.com`;
    await subscribeToRestock(null, { productId: p.id, variantId: 'v', email: stranger }, address());
    const asks = await mailsTo(stranger);
    expect(asks.map((m) => m.subject)).toEqual([`Confirm your alert: ${p.name}`]);
    expect(asks[0]!.body.text).toContain('/alerts/confirm?t=');
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 4 } })] });
    expect(await alertMailsTo(stranger)).toHaveLength(0);
  });

  it('sends nothing for a variant that stays out of stock, or for another variant coming back', async () => {
    const p = await putProduct({
      variants: [
        { id: 'v', price: 3_000, stock: 0 },
        { id: 'w', price: 3_000, stock: 0 },
      ],
    });
    const guest = `${uniqueId('waiting')}@example.com`;
    await subscribeToRestock(null, { productId: p.id, variantId: 'v', email: guest }, address());
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 0, w: 5 } })] });
    await handleProductsStreamEvent({ Records: [await change(p.id, { minPrice: 3_000 })] });
    expect(await alertMailsTo(guest)).toHaveLength(0);
  });

  it('sends a signed-in shopper’s alert to the account address, and the unsubscribe link ends it', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 3_000, stock: 0 }] });
    const user = testUser(uniqueId('alert-user'));
    await subscribeToRestock(user, { productId: p.id, variantId: 'v', email: 'someone-else@example.com' }, address());
    const restock = await change(p.id, { stock: { v: 1 } });
    await handleProductsStreamEvent({ Records: [restock] });
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await mailsTo('someone-else@example.com')).toHaveLength(0);

    // Subscribing again after it fired is a new subscription (its own email), which the link then ends.
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 0 } })] });
    await subscribeToRestock(user, { productId: p.id, variantId: 'v' }, address());
    const token = decodeURIComponent(/\/alerts\/unsubscribe\?t=([^\s&]+)/.exec((await mailsTo(user.email))[0]!.body.text)![1]!);
    expect(await unsubscribeWithToken(`${token}x`)).toBe(false);
    expect(await unsubscribeWithToken(token)).toBe(true);
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 3 } })] });
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it('refuses an alert for a variant in stock (409), an unknown one (404), and a guest without an email (400)', async () => {
    const p = await putProduct({
      variants: [
        { id: 'v', price: 3_000, stock: 2 },
        { id: 'out', price: 3_000, stock: 0 },
      ],
    });
    await expect(subscribeToRestock(null, { productId: p.id, variantId: 'v', email: 'a@example.com' }, address())).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(subscribeToRestock(null, { productId: p.id, variantId: 'nope', email: 'a@example.com' }, address())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(subscribeToRestock(null, { productId: p.id, variantId: 'out' }, address())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('guest sign-up limits', () => {
  it('allows 10 guest sign-ups an hour per client address and 5 per email address, then 429 with Retry-After', async () => {
    const p = await putProduct({ variants: [{ id: 'out', price: 3_000, stock: 0 }] });
    const one = address();
    for (let i = 0; i < 10; i++) await subscribeToRestock(null, { productId: p.id, variantId: 'out', email: `${uniqueId('many')}@example.com` }, one);
    const refused = subscribeToRestock(null, { productId: p.id, variantId: 'out', email: `${uniqueId('many')}@example.com` }, one);
    await expect(refused).rejects.toMatchObject({ code: 'RATE_LIMITED', headers: { 'Retry-After': expect.stringMatching(/^[1-9]\d*$/) } });

    // One address typed from many places: the sixth is refused whatever the client address.
    const target = `${uniqueId('target')}@example.com`;
    for (let i = 0; i < 5; i++) await subscribeToRestock(null, { productId: p.id, variantId: 'out', email: target }, address());
    await expect(subscribeToRestock(null, { productId: p.id, variantId: 'out', email: target.toUpperCase() }, address())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });

    // A signed-in shopper's alerts go to their own address only: not limited here.
    const user = testUser(uniqueId('member'));
    for (let i = 0; i < 12; i++) await subscribeToRestock(user, { productId: p.id, variantId: 'out' }, one);
  });
});

describe('price-drop alerts', () => {
  it('emails once when the lowest price falls below the price at opt-in, not when it rises', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 5_000, stock: 3 }] });
    const user = testUser(uniqueId('price-user'));
    await subscribeToPriceDrop(user, p.id);
    await handleProductsStreamEvent({ Records: [await change(p.id, { minPrice: 5_500 })] });
    expect(await mailsTo(user.email)).toHaveLength(0);
    const drop = await change(p.id, { minPrice: 4_000 });
    await handleProductsStreamEvent({ Records: [drop] });
    await handleProductsStreamEvent({ Records: [drop] });
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Price drop: ${p.name}`);
    expect(mails[0]!.body.text).toContain('From $50.00 to $40.00.');
  });
});

describe('account deletion', () => {
  it('erases every alert of the user, so nothing is sent to them afterwards', async () => {
    const p = await putProduct({ variants: [{ id: 'v', price: 5_000, stock: 0 }] });
    const user = testUser(uniqueId('erased'));
    await subscribeToRestock(user, { productId: p.id, variantId: 'v' }, address());
    await subscribeToPriceDrop(user, p.id);
    await eraseUserAlerts(user.id);
    await handleProductsStreamEvent({ Records: [await change(p.id, { stock: { v: 3 }, minPrice: 1_000 })] });
    expect(await mailsTo(user.email)).toHaveLength(0);
  });
});
