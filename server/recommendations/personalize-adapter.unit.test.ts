import { GetRecommendationsCommand, PersonalizeRuntimeClient } from '@aws-sdk/client-personalize-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductRecord } from '@/server/catalog';
import { resetAwsClientsForTests } from '@/server/platform/aws/clients';
import { resetConfigForTests } from '@/server/platform/config';
import { resetFailureLogForTests } from '@/server/platform/resilience';
import { listAllKey } from '../platform/db/tables';

// Personalize has no local server: the adapter's request and response mapping and the fallbacks are checked
// against aws-sdk-client-mock, with the catalog and the local engine stubbed.

const record = (id: string, stock = 5): ProductRecord => ({
  id,
  slug: id,
  name: id,
  category: 'c',
  brand: 'b',
  description: '',
  images: [`/i/${id}.png`],
  variants: [{ id: 'v', options: {}, price: 1000 }],
  stock: { v: stock },
  currency: 'USD',
  minPrice: 1000,
  rating: 4,
  reviewCount: 1,
  ratingSort: 0,
  featuredRank: 0,
  createdAt: '',
  listAll: listAllKey(id),
  tags: [],
});
const catalog = new Map([record('p1'), record('p2'), record('p3'), record('gone', 0), record('l1')].map((r) => [r.id, r]));

vi.mock('@/server/catalog', async (orig) => ({
  ...(await orig<typeof import('@/server/catalog')>()),
  getProductRecords: async (ids: string[]) => new Map(ids.filter((id) => catalog.has(id)).map((id) => [id, catalog.get(id)!])),
}));
vi.mock('./local-engine', () => ({ localSimilarItems: async () => ['l1'], localUserRecommendations: async () => ['l1'] }));

const { forgetProductRecommendations, recommendForProduct, recommendForUser } = await import('./index');
const personalize = mockClient(PersonalizeRuntimeClient);

beforeEach(() => {
  process.env.PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN = 'arn:aws:personalize:us-east-1:1:campaign/similar';
  process.env.PERSONALIZE_USER_CAMPAIGN_ARN = 'arn:aws:personalize:us-east-1:1:campaign/user';
  process.env.AI_SERVICE_BUDGET_MS = '80';
  resetConfigForTests();
  resetAwsClientsForTests();
  resetFailureLogForTests();
  personalize.reset();
  forgetProductRecommendations();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN;
  delete process.env.PERSONALIZE_USER_CAMPAIGN_ARN;
  delete process.env.AI_SERVICE_BUDGET_MS;
  resetConfigForTests();
  vi.restoreAllMocks();
});

describe('Personalize adapter', () => {
  it('asks the similar-items campaign by item id and maps item ids to in-stock products, minus the product itself', async () => {
    personalize
      .on(GetRecommendationsCommand)
      .resolves({ itemList: [{ itemId: 'p1' }, { itemId: 'p2' }, { itemId: 'gone' }, { itemId: 'p3' }, { itemId: 'unknown' }] });
    const out = await recommendForProduct('p1', 2);
    expect(personalize.commandCalls(GetRecommendationsCommand)[0]!.args[0].input).toEqual({
      campaignArn: 'arn:aws:personalize:us-east-1:1:campaign/similar',
      itemId: 'p1',
      numResults: 4,
    });
    expect(out).toEqual({
      source: 'personalize',
      items: [expect.objectContaining({ id: 'p2', price: { amount: 1000, currency: 'USD' } }), expect.objectContaining({ id: 'p3' })],
    });
  });

  it('asks the user campaign by user id', async () => {
    personalize.on(GetRecommendationsCommand).resolves({ itemList: [{ itemId: 'p3' }] });
    const out = await recommendForUser('user-1', 3);
    expect(personalize.commandCalls(GetRecommendationsCommand)[0]!.args[0].input).toMatchObject({ userId: 'user-1', numResults: 6 });
    expect(out.items.map((i) => i.id)).toEqual(['p3']);
  });

  it.each([
    ['throttling', () => personalize.on(GetRecommendationsCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))],
    ['an error', () => personalize.on(GetRecommendationsCommand).rejects(new Error('ResourceNotFoundException'))],
    ['a timeout', () => personalize.on(GetRecommendationsCommand).callsFake(() => new Promise(() => undefined))],
    ['only unavailable products', () => personalize.on(GetRecommendationsCommand).resolves({ itemList: [{ itemId: 'gone' }] })],
  ])('falls back to the local engine on %s', async (_, arrange) => {
    arrange();
    const started = Date.now();
    const out = await recommendForProduct('p1', 2);
    expect(out).toEqual({ source: 'local', items: [expect.objectContaining({ id: 'l1' })] });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('uses the local engine without calling AWS when no campaign is configured', async () => {
    delete process.env.PERSONALIZE_SIMILAR_ITEMS_CAMPAIGN_ARN;
    resetConfigForTests();
    const out = await recommendForProduct('p1', 2);
    expect(out.source).toBe('local');
    expect(personalize.calls()).toHaveLength(0);
  });
});
