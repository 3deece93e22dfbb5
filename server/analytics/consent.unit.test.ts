import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mintAnonId } from '../identity/anon-id';
import { resetConfigForTests } from '../platform/config';
import { mayCollect } from './consent';
import { buildEvent } from './track';
import { visitorIdOf } from './visitor-id';

// The account domain's answer for a signed-in shopper (track.ts asks it when the caller passes no consent).
const accountConsent = vi.hoisted(() => ({ answer: vi.fn<(userId: string) => Promise<'granted' | 'denied' | null>>() }));
vi.mock('../account', () => ({ analyticsConsentOf: accountConsent.answer }));

const ANON = mintAnonId();
const request = (headers: Record<string, string>) => new Request('http://localhost/api/search?q=x', { headers: { cookie: `sf_anon=${ANON}`, ...headers } });

describe('consent, Do-Not-Track and Global Privacy Control', () => {
  it('collects when nothing says no', () => {
    expect(mayCollect({ headers: new Headers() })).toBe(true);
    expect(mayCollect({ consent: 'granted', headers: new Headers() })).toBe(true);
  });

  it('honours Sec-GPC: 1 and DNT: 1, even over a consent granted earlier', () => {
    expect(mayCollect({ headers: new Headers({ 'sec-gpc': '1' }) })).toBe(false);
    expect(mayCollect({ headers: new Headers({ dnt: '1' }) })).toBe(false);
    expect(mayCollect({ consent: 'granted', headers: new Headers({ 'sec-gpc': '1' }) })).toBe(false);
    expect(mayCollect({ headers: new Headers({ dnt: '0' }) })).toBe(true);
  });

  it('honours an account’s denied consent whatever the headers say', () => {
    expect(mayCollect({ consent: 'denied', headers: new Headers() })).toBe(false);
  });
});

describe('building an event from a request', () => {
  beforeEach(() => {
    resetConfigForTests();
    accountConsent.answer.mockReset();
    accountConsent.answer.mockResolvedValue(null);
  });
  afterEach(() => resetConfigForTests());

  it('builds a validated event with a pseudonymous visitor, never the cookie itself', async () => {
    const event = await buildEvent({ type: 'search', query: ' Blue Mug ', resultCount: 0 }, { request: request({}) });
    expect(event).toMatchObject({ type: 'search', query: 'blue mug', resultCount: 0, zeroResults: true, signedIn: false, v: 1 });
    expect(event?.visitorId).toBe(visitorIdOf({ anonId: ANON }));
    expect(JSON.stringify(event)).not.toContain(ANON);
  });

  it('builds nothing for a GPC or DNT request, or a shopper who denied consent', async () => {
    const input = { type: 'product-view', productId: 'p-1' } as const;
    expect(await buildEvent(input, { request: request({ 'Sec-GPC': '1' }) })).toBeNull();
    expect(await buildEvent(input, { request: request({ DNT: '1' }) })).toBeNull();
    expect(await buildEvent(input, { request: request({}), consent: 'denied' })).toBeNull();
    expect(await buildEvent(input, { request: request({}), consent: 'granted' })).not.toBeNull();
  });

  it('keeps the same visitor across sign-in (the browser id wins over the user id)', async () => {
    const anonymous = await buildEvent({ type: 'product-view', productId: 'p-1' }, { request: request({}) });
    const signedIn = await buildEvent({ type: 'checkout-started', itemCount: 1 }, { request: request({}), userId: 'user-1' });
    expect(signedIn?.visitorId).toBe(anonymous?.visitorId);
    expect(signedIn?.signedIn).toBe(true);
  });

  it('asks the account for a signed-in shopper’s own choice; a failed lookup collects nothing', async () => {
    const input = { type: 'product-view', productId: 'p-1' } as const;
    accountConsent.answer.mockResolvedValueOnce('denied');
    expect(await buildEvent(input, { request: request({}), userId: 'user-2' })).toBeNull();
    expect(accountConsent.answer).toHaveBeenLastCalledWith('user-2');
    accountConsent.answer.mockResolvedValueOnce('granted');
    expect(await buildEvent(input, { request: request({}), userId: 'user-2' })).not.toBeNull();
    accountConsent.answer.mockRejectedValueOnce(new Error('DynamoDB is down'));
    expect(await buildEvent(input, { request: request({}), userId: 'user-2' })).toBeNull();
    // An anonymous visitor has no account to ask.
    accountConsent.answer.mockClear();
    expect(await buildEvent(input, { request: request({}) })).not.toBeNull();
    expect(accountConsent.answer).not.toHaveBeenCalled();
  });

  it('drops a search with no query (browsing) or one carrying an email', async () => {
    expect(await buildEvent({ type: 'search', query: '', resultCount: 40 }, { request: request({}) })).toBeNull();
    expect(await buildEvent({ type: 'search', query: 'me@example.com', resultCount: 0 }, { request: request({}) })).toBeNull();
  });
});
