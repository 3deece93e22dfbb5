import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_MS, relayOutbox } from '../customer-events/outbox';
import { publishedEventsFor } from '../customer-events/test-support/published-events';
import { dynamoDoc, snsClient } from '../platform/aws/clients';
import { tableName } from '../platform/db/tables';
import { getMarketingConsent, listConsentingCustomers, setMarketingConsent } from './index';

// Consent against DynamoDB Local, and the events read back from the SQS queue subscribed to the SNS topic on fauxqs.

const newUser = () => `user-${randomUUID()}`;

async function audience(): Promise<Map<string, { email: string; name: string }>> {
  const out = new Map<string, { email: string; name: string }>();
  for await (const c of listConsentingCustomers({ pageSize: 2 })) out.set(c.userId, { email: c.email, name: c.name });
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const outboxItem = async (eventId: string) =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('outbox'), Key: { eventId }, ConsistentRead: true }))).Item;

describe('marketing consent', () => {
  it('is not granted for a shopper who never answered', async () => {
    expect(await getMarketingConsent(newUser())).toEqual({ granted: false, at: null, source: null });
  });

  it('records the answer with its time and source, and publishes one event per change', async () => {
    const userId = newUser();
    const now = new Date('2026-12-01T12:00:00.000Z');
    const granted = await setMarketingConsent({ userId, granted: true, source: 'account-page', email: 'ada@example.com', name: 'Ada', now });
    expect(granted).toMatchObject({ granted: true, at: now.toISOString(), source: 'account-page', changed: true });
    expect(await getMarketingConsent(userId)).toEqual({ granted: true, at: now.toISOString(), source: 'account-page' });

    // Saying yes again changes nothing: no new time, no event.
    const again = await setMarketingConsent({ userId, granted: true, source: 'account-page', email: 'ada@example.com' });
    expect(again).toMatchObject({ granted: true, at: now.toISOString(), changed: false });

    const withdrawn = await setMarketingConsent({ userId, granted: false, source: 'unsubscribe-link' });
    expect(withdrawn).toMatchObject({ granted: false, source: 'unsubscribe-link', changed: true });
    await setMarketingConsent({ userId, granted: false, source: 'unsubscribe-link' });

    const events = await publishedEventsFor(userId, 2);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['customer.consent-changed', { userId, granted: true, source: 'account-page', at: now.toISOString() }],
      ['customer.consent-changed', { userId, granted: false, source: 'unsubscribe-link', at: withdrawn.at }],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    // Each went through the outbox and is marked published there: the relay, even once the claims have run out,
    // has nothing of these to send again.
    for (const e of events) expect(await outboxItem(e.id)).toMatchObject({ publishedAt: expect.any(String) });
    expect((await outboxItem(events[0]!.id))?.pending).toBeUndefined();
    const relayed = await relayOutbox({ now: Date.now() + CLAIM_MS + 1_000 });
    expect(relayed.published).not.toContain(events[0]!.id);
    expect(relayed.published).not.toContain(events[1]!.id);
    expect(await publishedEventsFor(userId, 2)).toHaveLength(2);
  });

  it('keeps a committed change in the outbox when the process "crashes" before the publish; the relay publishes it exactly once', async () => {
    const userId = newUser();
    // The crash: every send to SNS fails, as if the process died right after the transaction committed.
    const send = vi.spyOn(snsClient(), 'send').mockRejectedValue(new Error('process killed before the publish'));
    const changed = await setMarketingConsent({ userId, granted: true, source: 'account-page', email: 'crash@example.com', name: 'Crash' });
    expect(changed.changed).toBe(true);
    expect(send).toHaveBeenCalled();
    send.mockRestore();
    // The change itself stands, and nothing was delivered.
    expect(await getMarketingConsent(userId)).toMatchObject({ granted: true, source: 'account-page' });
    expect(await publishedEventsFor(userId, 0, 500)).toEqual([]);

    // While the writer's claim lasts, the relay leaves the entry alone (the writer may still be publishing it).
    expect((await relayOutbox()).published).toEqual([]);
    // Once it ran out: two relays at the same moment (two server processes) — one takes it over and publishes.
    const later = Date.now() + CLAIM_MS + 1_000;
    const [a, b] = await Promise.all([relayOutbox({ now: later }), relayOutbox({ now: later })]);
    const relayedIds = [...a.published, ...b.published];
    const events = await publishedEventsFor(userId, 1);
    expect(events.map((e) => [e.type, e.data])).toEqual([['customer.consent-changed', { userId, granted: true, source: 'account-page', at: changed.at }]]);
    expect(relayedIds.filter((id) => id === events[0]!.id)).toHaveLength(1);
    expect(await outboxItem(events[0]!.id)).toMatchObject({ publishedAt: expect.any(String) });
    // A later relay run finds nothing left of it: still exactly one delivery.
    expect((await relayOutbox({ now: later + CLAIM_MS + 1_000 })).published).not.toContain(events[0]!.id);
    expect(await publishedEventsFor(userId, 1)).toHaveLength(1);
  });

  it('publishes nothing when consent never given is withdrawn', async () => {
    const userId = newUser();
    expect((await setMarketingConsent({ userId, granted: false, source: 'account-page' })).changed).toBe(false);
    expect(await publishedEventsFor(userId, 0, 500)).toEqual([]);
  });

  it('lists exactly the shoppers whose consent is granted, with email and name, across pages', async () => {
    const [yes1, yes2, no, withdrawn] = [newUser(), newUser(), newUser(), newUser()];
    await setMarketingConsent({ userId: yes1, granted: true, source: 'sign-up', email: 'yes1@example.com', name: 'Yes One' });
    await setMarketingConsent({ userId: yes2, granted: true, source: 'account-page', email: 'yes2@example.com', name: 'Yes Two' });
    await setMarketingConsent({ userId: no, granted: false, source: 'account-page' });
    await setMarketingConsent({ userId: withdrawn, granted: true, source: 'sign-up', email: 'gone@example.com', name: 'Gone' });
    await setMarketingConsent({ userId: withdrawn, granted: false, source: 'unsubscribe-link' });

    const list = await audience();
    expect(list.get(yes1)).toEqual({ email: 'yes1@example.com', name: 'Yes One' });
    expect(list.get(yes2)).toEqual({ email: 'yes2@example.com', name: 'Yes Two' });
    expect(list.has(no)).toBe(false);
    expect(list.has(withdrawn)).toBe(false);
  });
});
