import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { DELETE as deleteAddressRoute, PATCH as patchAddress } from '@/app/api/account/addresses/[id]/route';
import { POST as addAddressRoute, GET as listAddressesRoute } from '@/app/api/account/addresses/route';
import { POST as changePasswordRoute } from '@/app/api/account/password/route';
import { DELETE as deleteAccountRoute, GET as getAccountRoute, PATCH as patchAccount } from '@/app/api/account/route';
import { POST as signIn } from '@/app/api/auth/sign-in/route';
import { POST as signUp } from '@/app/api/auth/sign-up/route';
import { GET as me } from '@/app/api/me/route';
import { addCartItem, cartKey, readStoredCart } from '../cart';
import { placeOrder } from '../checkout';
import { checkoutBody, putProduct } from '../checkout/test-support/fixtures';
import { publishedEventsFor } from '../customer-events/test-support/published-events';
import { establishSession } from '../identity/middleware-session';
import { cookieHeaderFrom, jsonRequest, siteUrl, uniqueEmail } from '../identity/testing/auth-requests';
import { recordInteraction } from '../interactions/record-interaction';
import { dynamoDoc } from '../platform/aws/clients';
import { getConfig } from '../platform/config';
import { tableName } from '../platform/db/tables';
import { parseCookieHeader } from '../platform/http/cookies';
import { recomputeProductRating } from '../reviews';
import { getMarketingConsent, listConsentingCustomers } from './index';

// The signed-in account through the route handlers a browser calls, against cognito-local, DynamoDB Local, fauxqs
// (SNS → the subscribed log queue) and the SES stand-in's inbox.

// Sign-in merges the guest cart through next/headers' cookies(), which exists only inside a Next request.
vi.mock('@/server/cart', async (original) => ({ ...(await original<typeof import('@/server/cart')>()), onSignIn: vi.fn(async () => {}) }));

const PASSWORD = 'Sturdy-pass-42';
type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type Shopper = { email: string; cookie: string; id: string };

async function shopper(name = 'Robin Tester', extra: Record<string, unknown> = {}): Promise<Shopper> {
  const email = uniqueEmail('account');
  expect((await signUp(jsonRequest('/api/auth/sign-up', { email, password: PASSWORD, name, ...extra }), {})).status).toBe(201);
  const res = await signIn(jsonRequest('/api/auth/sign-in', { email, password: PASSWORD }), {});
  expect(res.status).toBe(200);
  const { user } = (await res.json()) as { user: { id: string } };
  return { email, cookie: cookieHeaderFrom(res), id: user.id };
}

const call = (path: string, who: Shopper | null, body?: unknown, method = 'POST', headers: Record<string, string> = {}) =>
  jsonRequest(path, body, { ...(who ? { cookie: who.cookie } : {}), ...headers }, method);
const get = (path: string, who: Shopper) => new Request(`${siteUrl()}${path}`, { headers: { cookie: who.cookie } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const home = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
const work = { name: 'Ada Lovelace', line1: '10 Downing Street', city: 'London', region: '', postalCode: 'SW1A 2AA', country: 'GB' };

async function inbox(to: string): Promise<{ subject: string; body: { text: string; html: string } }[]> {
  const res = await fetch(`${getConfig().SES_ENDPOINT}/store`);
  const { emails } = (await res.json()) as { emails: { subject: string; body: { text: string; html: string }; destination: { to: string[] } }[] };
  return emails.filter((e) => e.destination.to.includes(to));
}

describe('the account', () => {
  it('answers the profile and consent, and records a consent change once with its source', async () => {
    const a = await shopper('Ada');
    const res = await getAccountRoute(get('/api/account', a), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: a.id, email: a.email, name: 'Ada' },
      marketingConsent: { granted: false, at: null },
      analyticsConsent: { granted: null, at: null },
    });

    const patched = await patchAccount(call('/api/account', a, { name: 'Ada L.', marketingConsent: true }, 'PATCH'), {});
    expect(patched.status).toBe(200);
    const body = (await patched.json()) as { user: { name: string }; marketingConsent: { granted: boolean; at: string } };
    expect(body.user.name).toBe('Ada L.');
    expect(body.marketingConsent.granted).toBe(true);
    // The re-signed profile cookie carries the new name: /api/me says so on the next request.
    const meRes = await me(new Request(`${siteUrl()}/api/me`, { headers: { cookie: cookieHeaderFrom(patched, a.cookie) } }), {});
    expect(((await meRes.json()) as { user: { name: string } }).user.name).toBe('Ada L.');
    expect(await getMarketingConsent(a.id)).toMatchObject({ granted: true, source: 'account-page' });

    // The analytics choice is its own answer, with its time; it publishes no customer event.
    const analytics = await patchAccount(call('/api/account', a, { analyticsConsent: false }, 'PATCH'), {});
    expect(((await analytics.json()) as { analyticsConsent: { granted: boolean | null; at: string | null } }).analyticsConsent).toEqual({
      granted: false,
      at: expect.any(String),
    });

    // The same answer again is no change.
    await patchAccount(call('/api/account', a, { marketingConsent: true }, 'PATCH'), {});
    const events = await publishedEventsFor(a.id, 2);
    expect(events.map((e) => e.type)).toEqual(['customer.signed-up', 'customer.consent-changed']);
  });

  it('publishes customer.signed-up with the sign-up consent, and sends the welcome email once', async () => {
    const b = await shopper('Bea', { marketingConsent: true });
    const events = await publishedEventsFor(b.id, 2);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['customer.consent-changed', expect.objectContaining({ granted: true, source: 'sign-up' })],
      ['customer.signed-up', { userId: b.id, email: b.email, name: 'Bea', marketingConsent: true }],
    ]);
    expect((await inbox(b.email)).map((m) => m.subject)).toEqual(['Welcome to the shop']);
  });

  it('greets an address nobody proved they own neutrally, never with the name the sign-up typed (issue 30 M6)', async () => {
    const c = await shopper('Mallory Clickhere');
    const [welcome] = await inbox(c.email);
    expect(welcome?.body.text).toContain('Hello,');
    expect(JSON.stringify(welcome)).not.toContain('Mallory');
  });

  it('refuses anonymous callers, foreign origins and unknown fields', async () => {
    const a = await shopper();
    expect((await getAccountRoute(new Request(`${siteUrl()}/api/account`), {})).status).toBe(401);
    const foreign = await patchAccount(call('/api/account', a, { name: 'Evil' }, 'PATCH', { origin: 'https://evil.example' }), {});
    expect(foreign.status).toBe(403);
    const unknown = await patchAccount(call('/api/account', a, { email: 'x@example.com' }, 'PATCH'), {});
    expect(unknown.status).toBe(400);
    const after = (await (await getAccountRoute(get('/api/account', a), {})).json()) as { user: { name: string } };
    expect(after.user.name).toBe('Robin Tester');
  });
});

describe('the address book', () => {
  it('never holds more than 20 addresses, however many adds race (issue 30 L2)', async () => {
    const a = await shopper();
    const count = async () => ((await (await listAddressesRoute(get('/api/account/addresses', a), {})).json()) as { items: unknown[] }).items.length;
    for (let round = 0; round < 3 && (await count()) < 19; round++) {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) => addAddressRoute(call('/api/account/addresses', a, { ...home, line1: `${round}-${i} Race St` }), {})),
      );
      expect(await count()).toBeLessThanOrEqual(20);
    }
    // Filled to the cap one at a time, the next is refused.
    while ((await count()) < 20) await addAddressRoute(call('/api/account/addresses', a, { ...home, line1: 'Fill St' }), {});
    const statuses = await Promise.all(
      Array.from({ length: 5 }, async () => (await addAddressRoute(call('/api/account/addresses', a, { ...home, line1: 'One more St' }), {})).status),
    );
    expect(statuses).toEqual(Array(5).fill(409));
    expect(await count()).toBe(20);
  }, 120_000);

  it('adds, lists, edits, re-defaults and deletes addresses', async () => {
    const a = await shopper();
    const first = await addAddressRoute(call('/api/account/addresses', a, home), {});
    expect(first.status).toBe(201);
    const homeSaved = (await first.json()) as { id: string; isDefault: boolean; postalCode: string };
    expect(homeSaved).toMatchObject({ ...home, isDefault: true });

    const second = (await (await addAddressRoute(call('/api/account/addresses', a, { ...work, postalCode: 'sw1a 2aa' }), {})).json()) as {
      id: string;
      isDefault: boolean;
      postalCode: string;
    };
    expect(second).toMatchObject({ isDefault: false, postalCode: 'SW1A 2AA' });

    const made = await patchAddress(call(`/api/account/addresses/${second.id}`, a, { isDefault: true, line1: '11 Downing Street' }, 'PATCH'), ctx(second.id));
    expect(made.status).toBe(200);
    const list = async () =>
      ((await (await listAddressesRoute(get('/api/account/addresses', a), {})).json()) as { items: { id: string; isDefault: boolean; line1: string }[] }).items;
    let items = await list();
    expect(items.map((i) => [i.id, i.isDefault, i.line1])).toEqual([
      [second.id, true, '11 Downing Street'],
      [homeSaved.id, false, home.line1],
    ]);

    expect((await deleteAddressRoute(call(`/api/account/addresses/${second.id}`, a, undefined, 'DELETE'), ctx(second.id))).status).toBe(204);
    items = await list();
    // The default went with it: the remaining address took over.
    expect(items.map((i) => [i.id, i.isDefault])).toEqual([[homeSaved.id, true]]);
  });

  it('validates per country with a message per field', async () => {
    const a = await shopper();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...home, region: 'OR' }, 'region'], // a San Francisco ZIP is not in Oregon
      [{ ...home, postalCode: '9410' }, 'postalCode'],
      [{ ...home, country: 'CA', region: 'ON', postalCode: '12345' }, 'postalCode'],
      [{ ...work, postalCode: 'NOT A CODE' }, 'postalCode'],
      [{ ...home, line1: '' }, 'line1'],
    ];
    for (const [body, field] of cases) {
      const res = await addAddressRoute(call('/api/account/addresses', a, body), {});
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as ErrorBody).error.details?.map((d) => d.path)).toContain(field);
    }
    const saved = (await (
      await addAddressRoute(call('/api/account/addresses', a, { ...home, country: 'CA', region: 'ON', postalCode: 'K1A 0B1', city: 'Ottawa' }), {})
    ).json()) as { id: string };
    // A patch is checked as the merged address: a new ZIP must match the stored state.
    const res = await patchAddress(call(`/api/account/addresses/${saved.id}`, a, { country: 'US', region: 'NY', postalCode: '94105' }, 'PATCH'), ctx(saved.id));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details?.map((d) => d.path)).toEqual(['region']);
  });

  it("answers 404 for another shopper's address, which stays as it was", async () => {
    const [owner, other] = [await shopper(), await shopper()];
    const saved = (await (await addAddressRoute(call('/api/account/addresses', owner, home), {})).json()) as { id: string };
    expect((await patchAddress(call(`/api/account/addresses/${saved.id}`, other, { city: 'Elsewhere' }, 'PATCH'), ctx(saved.id))).status).toBe(404);
    expect((await deleteAddressRoute(call(`/api/account/addresses/${saved.id}`, other, undefined, 'DELETE'), ctx(saved.id))).status).toBe(404);
    const otherList = (await (await listAddressesRoute(get('/api/account/addresses', other), {})).json()) as { items: unknown[] };
    expect(otherList.items).toEqual([]);
    const ownerList = (await (await listAddressesRoute(get('/api/account/addresses', owner), {})).json()) as { items: { city: string }[] };
    expect(ownerList.items.map((i) => i.city)).toEqual(['San Francisco']);
    // Cross-origin deletes are refused before anything is looked up.
    const foreign = await deleteAddressRoute(
      call(`/api/account/addresses/${saved.id}`, owner, undefined, 'DELETE', { origin: 'https://evil.example' }),
      ctx(saved.id),
    );
    expect(foreign.status).toBe(403);
  });
});

describe('changing the password', () => {
  it('changes it with the right current password, and emails the shopper', async () => {
    const a = await shopper();
    const res = await changePasswordRoute(call('/api/account/password', a, { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-7' }), {});
    expect(res.status).toBe(204);
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email: a.email, password: 'Brand-new-pass-7' }), {})).status).toBe(200);
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email: a.email, password: PASSWORD }), {})).status).toBe(401);
    expect((await inbox(a.email)).map((m) => m.subject)).toContain('Your password was changed');
  });

  it("signs the shopper's other sessions out and keeps this one, re-issued", async () => {
    const a = await shopper();
    // A second device: the same shopper signed in again.
    const elsewhere = { ...a, cookie: cookieHeaderFrom(await signIn(jsonRequest('/api/auth/sign-in', { email: a.email, password: PASSWORD }), {})) };
    expect((await getAccountRoute(get('/api/account', elsewhere), {})).status).toBe(200);

    const res = await changePasswordRoute(call('/api/account/password', a, { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-7' }), {});
    expect(res.status).toBe(204);
    const here = { ...a, cookie: cookieHeaderFrom(res, a.cookie) };
    expect(here.cookie).not.toBe(a.cookie);

    // This device goes on with its re-issued cookies, in handlers and in middleware.
    expect((await getAccountRoute(get('/api/account', here), {})).status).toBe(200);
    expect((await establishSession(new Headers({ cookie: here.cookie }))).userId).toBe(a.id);
    // The other device's next request is signed out: handlers answer 401, and middleware neither lets it in nor
    // trades its refresh token for a new session — it clears the cookies.
    expect((await getAccountRoute(get('/api/account', elsewhere), {})).status).toBe(401);
    const gate = await establishSession(new Headers({ cookie: elsewhere.cookie }));
    expect(gate.userId).toBeNull();
    expect(gate.cookiesToSet.map((c) => c.options.maxAge)).toEqual([0, 0, 0]);
    // So is the old cookie of this device (what a thief copied before the change).
    expect((await getAccountRoute(get('/api/account', a), {})).status).toBe(401);
    // A new sign-in after the change is a session of its own. auth_time has whole seconds: another sign-in in the
    // very second of the change counts as before it (the safe side), so this one comes a second later.
    await new Promise((r) => setTimeout(r, 1_100));
    const later = { ...a, cookie: cookieHeaderFrom(await signIn(jsonRequest('/api/auth/sign-in', { email: a.email, password: 'Brand-new-pass-7' }), {})) };
    expect((await getAccountRoute(get('/api/account', later), {})).status).toBe(200);
  });

  it('a refresh token copied before the change mints no session afterwards, in middleware (issue 30 L1)', async () => {
    const a = await shopper();
    // What a thief keeps: the refresh token alone (the 15-minute access token has long expired when it is used).
    const refreshOnly = (cookie: string) => `sf_rt=${encodeURIComponent(parseCookieHeader(cookie).get('sf_rt')!)}`;
    const stolen = refreshOnly(a.cookie);
    // Before the change it does refresh: what follows is the change's doing.
    expect((await establishSession(new Headers({ cookie: stolen }))).userId).toBe(a.id);
    // cognito-local stamps auth_time anew on a refresh: a second later its tokens would look newer than the change.
    await new Promise((r) => setTimeout(r, 1_100));

    const res = await changePasswordRoute(call('/api/account/password', a, { currentPassword: PASSWORD, newPassword: 'Brand-new-pass-7' }), {});
    expect(res.status).toBe(204);
    const here = cookieHeaderFrom(res, a.cookie);
    await new Promise((r) => setTimeout(r, 1_100));

    const gate = await establishSession(new Headers({ cookie: stolen }));
    expect(gate.userId).toBeNull();
    expect(gate.cookiesToSet.map((c) => c.options.maxAge)).toEqual([0, 0, 0]);
    // Retired at Cognito too: a second try finds nothing to refresh.
    expect((await establishSession(new Headers({ cookie: stolen }))).userId).toBeNull();
    // The session the change kept goes on refreshing, and its refreshed token is accepted by the handlers.
    const kept = await establishSession(new Headers({ cookie: refreshOnly(here) }));
    expect(kept.userId).toBe(a.id);
    const refreshed = kept.cookiesToSet.find((c) => c.name === 'sf_at')!.value;
    expect((await getAccountRoute(get('/api/account', { ...a, cookie: `sf_at=${encodeURIComponent(refreshed)}` }), {})).status).toBe(200);
  });

  it('answers 403 under currentPassword when it is wrong, and 400 under newPassword for the policy', async () => {
    const a = await shopper();
    const wrong = await changePasswordRoute(call('/api/account/password', a, { currentPassword: 'Not-my-pass-1', newPassword: 'Brand-new-pass-7' }), {});
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as ErrorBody).error.details?.map((d) => d.path)).toEqual(['currentPassword']);
    const weak = await changePasswordRoute(call('/api/account/password', a, { currentPassword: PASSWORD, newPassword: 'weakpass' }), {});
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as ErrorBody).error.details?.map((d) => d.path)).toEqual(['newPassword']);
    // Neither changed anything.
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email: a.email, password: PASSWORD }), {})).status).toBe(200);
  });
});

describe('deleting the account', () => {
  async function orderFor(who: Shopper) {
    const p = await putProduct({ variants: [{ id: 'v', price: 1_500, stock: 5 }] });
    await addCartItem({ kind: 'user', userId: who.id }, { productId: p.id, variantId: 'v', quantity: 1 });
    const { order } = await placeOrder({ userId: who.id, email: who.email, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    return order;
  }
  const orderItem = async (userId: string, orderId: string) =>
    (await dynamoDoc().send(new GetCommand({ TableName: tableName('orders'), Key: { userId, orderId }, ConsistentRead: true }))).Item;
  const partition = async (table: 'accounts' | 'events' | 'reviews', key: string, value: string) =>
    (
      await dynamoDoc().send(
        new QueryCommand({
          TableName: tableName(table),
          KeyConditionExpression: '#k = :v',
          ExpressionAttributeNames: { '#k': key },
          ExpressionAttributeValues: { ':v': value },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];

  it('refuses a wrong password with 403 and changes nothing', async () => {
    const a = await shopper();
    await addAddressRoute(call('/api/account/addresses', a, home), {});
    const res = await deleteAccountRoute(call('/api/account', a, { password: 'Not-my-pass-1' }, 'DELETE'), {});
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.details?.map((d) => d.path)).toEqual(['password']);
    expect((await getAccountRoute(get('/api/account', a), {})).status).toBe(200);
    // The address and the address book's guard item (issue 30 L2).
    expect(await partition('accounts', 'userId', a.id)).toHaveLength(2);
  });

  it('erases addresses, consent and interactions, deletes the login, keeps orders anonymised — and touches nobody else', async () => {
    const [leaver, stayer] = [await shopper('Lea Ver'), await shopper('Stay Er')];
    for (const who of [leaver, stayer]) {
      await addAddressRoute(call('/api/account/addresses', who, home), {});
      await patchAccount(call('/api/account', who, { marketingConsent: true }, 'PATCH'), {});
      await recordInteraction({ type: 'view', productId: 'p-1', actor: { userId: who.id } });
    }
    const [leaverOrder, stayerOrder] = [await orderFor(leaver), await orderFor(stayer)];
    const p = await putProduct({ variants: [{ id: 'v', price: 900, stock: 5 }] });
    for (const who of [leaver, stayer]) await addCartItem({ kind: 'user', userId: who.id }, { productId: p.id, variantId: 'v', quantity: 1 });
    // Both reviewed one product (approved, as the reviews domain stores them): 5 and 3 stars.
    const reviewed = await putProduct({ variants: [{ id: 'v', price: 900, stock: 5 }] });
    const review = (who: Shopper, rating: number, authorName: string) => ({
      productId: reviewed.id,
      authorId: who.id,
      reviewId: `rev_${crypto.randomUUID()}`,
      status: 'APPROVED',
      rating,
      title: `${rating} stars`,
      body: 'Sturdy and warm.',
      authorName,
      createdAt: new Date().toISOString(),
    });
    const [leaverReview, stayerReview] = [review(leaver, 5, 'Lea V.'), review(stayer, 3, 'Stay E.')];
    for (const item of [leaverReview, stayerReview]) await dynamoDoc().send(new PutCommand({ TableName: tableName('reviews'), Item: item }));
    expect(await recomputeProductRating(reviewed.id)).toMatchObject({ average: 4, count: 2 });

    const leaverElsewhere = {
      ...leaver,
      cookie: cookieHeaderFrom(await signIn(jsonRequest('/api/auth/sign-in', { email: leaver.email, password: PASSWORD }), {})),
    };
    const res = await deleteAccountRoute(call('/api/account', leaver, { password: PASSWORD }, 'DELETE'), {});
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);

    // The old session is refused at once — on the shopper's other device too — and the login is gone.
    expect((await getAccountRoute(get('/api/account', leaver), {})).status).toBe(401);
    expect((await getAccountRoute(get('/api/account', leaverElsewhere), {})).status).toBe(401);
    expect((await signIn(jsonRequest('/api/auth/sign-in', { email: leaver.email, password: PASSWORD }), {})).status).toBe(401);

    expect(await partition('accounts', 'userId', leaver.id)).toEqual([]);
    expect(await partition('events', 'pk', `user#${leaver.id}`)).toEqual([]);
    expect(await readStoredCart(cartKey({ kind: 'user', userId: leaver.id }))).toBeNull();
    expect(await readStoredCart(cartKey({ kind: 'user', userId: stayer.id }))).not.toBeNull();
    const audience = [];
    for await (const c of listConsentingCustomers()) audience.push(c.userId);
    expect(audience).not.toContain(leaver.id);
    expect(audience).toContain(stayer.id);

    const kept = await orderItem(leaver.id, leaverOrder.id);
    expect(kept).toBeDefined();
    expect(kept?.email).toBeUndefined();
    expect(kept?.shippingAddress).toEqual({ name: 'Deleted customer', line1: '', city: '', region: 'CA', postalCode: '', country: 'US' });
    expect(kept?.total).toEqual(leaverOrder.total);
    expect(kept?.items).toHaveLength(1);

    // The review stays with its rating (the product's aggregate does not move), its author gone: no name, no user id.
    // The product's partition also holds its review summary (authorId '#summary', ADR 0029): counts, no author.
    const items = await partition('reviews', 'productId', reviewed.id);
    const reviews = items.filter((r) => r.authorId !== '#summary');
    expect(reviews).toHaveLength(2);
    const anonymised = reviews.find((r) => r.reviewId === leaverReview.reviewId);
    expect(anonymised).toEqual({ ...leaverReview, authorId: `former#${leaverReview.reviewId}`, authorName: 'Former customer' });
    expect(JSON.stringify(items)).not.toContain(leaver.id);
    expect(JSON.stringify(items)).not.toContain('Lea V.');
    expect(reviews.find((r) => r.reviewId === stayerReview.reviewId)).toEqual(stayerReview);
    expect(await recomputeProductRating(reviewed.id)).toMatchObject({ average: 4, count: 2 });

    // The other shopper keeps everything.
    // Consent, the address, and the address book's guard item (issue 30 L2).
    expect(await partition('accounts', 'userId', stayer.id)).toHaveLength(3);
    expect(await partition('events', 'pk', `user#${stayer.id}`)).toHaveLength(1);
    const theirs = await orderItem(stayer.id, stayerOrder.id);
    expect(theirs?.email).toBe(stayer.email);
    expect(theirs?.shippingAddress).toEqual(checkoutBody().shippingAddress);
    expect((await getAccountRoute(get('/api/account', stayer), {})).status).toBe(200);

    // Campaigns heard that consent ended; the goodbye email went out once.
    const events = await publishedEventsFor(leaver.id, 3);
    expect(events.map((e) => e.type)).toEqual(['customer.signed-up', 'customer.consent-changed', 'customer.consent-changed']);
    expect(events[2]?.data).toMatchObject({ granted: false, source: 'account-deleted' });
    expect((await inbox(leaver.email)).filter((m) => m.subject === 'Your account was deleted')).toHaveLength(1);
  });
});
