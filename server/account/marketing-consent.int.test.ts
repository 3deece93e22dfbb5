import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishedEventsFor } from '../event-bus/test-support/published-events';
import { getMarketingConsent, listConsentingCustomers, setMarketingConsent } from './index';

// Consent against DynamoDB Local, and the events read back from the SQS queue subscribed to the SNS topic on fauxqs.

const newUser = () => `user-${randomUUID()}`;

async function audience(): Promise<Map<string, { email: string; name: string }>> {
  const out = new Map<string, { email: string; name: string }>();
  for await (const c of listConsentingCustomers({ pageSize: 2 })) out.set(c.userId, { email: c.email, name: c.name });
  return out;
}

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
