import { PersonalizeEventsClient, PutEventsCommand } from '@aws-sdk/client-personalize-events';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAwsClientsForTests } from '../platform/aws/clients';
import { resetConfigForTests } from '../platform/config';

// The events table write is covered on DynamoDB Local; here only the Personalize event tracker mapping.
const sent: unknown[] = [];
vi.mock('@aws-sdk/lib-dynamodb', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@aws-sdk/lib-dynamodb')>();
  return { ...actual, DynamoDBDocumentClient: { from: () => ({ send: async (cmd: unknown) => void sent.push(cmd), destroy: () => undefined }) } };
});

const { recordInteraction } = await import('./record-interaction');
const personalize = mockClient(PersonalizeEventsClient);

beforeEach(() => {
  process.env.AI_SERVICE_BUDGET_MS = '80';
  resetConfigForTests();
  resetAwsClientsForTests();
  personalize.reset();
  sent.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.PERSONALIZE_EVENT_TRACKER_ID;
  delete process.env.AI_SERVICE_BUDGET_MS;
  resetConfigForTests();
  vi.restoreAllMocks();
});

describe('Personalize event tracker', () => {
  it('is not called when no tracker is configured', async () => {
    await recordInteraction({ type: 'view', productId: 'p1', actor: { userId: 'u1' } });
    expect(sent).toHaveLength(1);
    expect(personalize.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('maps interactions to ECOMMERCE event types, with the user for signed-in shoppers only', async () => {
    process.env.PERSONALIZE_EVENT_TRACKER_ID = 'tracker-1';
    resetConfigForTests();
    personalize.on(PutEventsCommand).resolves({});
    await recordInteraction({ type: 'add-to-cart', productId: 'p9', actor: { userId: 'u1' } });
    await recordInteraction({ type: 'view', productId: 'p8', actor: { anonId: 'anon-1' } });
    const [signedIn, anonymous] = personalize.commandCalls(PutEventsCommand).map((c) => c.args[0].input);
    expect(signedIn).toMatchObject({ trackingId: 'tracker-1', userId: 'u1', sessionId: 'u1', eventList: [{ eventType: 'AddToCart', itemId: 'p9' }] });
    expect(anonymous).toMatchObject({ trackingId: 'tracker-1', sessionId: 'anon-1', eventList: [{ eventType: 'View', itemId: 'p8' }] });
    expect(anonymous?.userId).toBeUndefined();
  });

  it('shrugs off a failing tracker: the event is still kept in the table', async () => {
    process.env.PERSONALIZE_EVENT_TRACKER_ID = 'tracker-1';
    resetConfigForTests();
    personalize.on(PutEventsCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(recordInteraction({ type: 'purchase', productId: 'p1', actor: { userId: 'u1' } })).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});
