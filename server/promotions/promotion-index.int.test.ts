import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { updatePromotion } from './change-promotion';
import { loadOffer } from './load-offer';
import { listAllPromotions } from './promotion-store';
import { makePromotion, marketer } from './test-support';

// Issue 26 item 2: a cart read finds the automatic promotions and the entered code through the promotions' index item
// (no Scan; tests/architecture/no-scan-on-request-path.unit.test.ts), kept in step by every create and update, and
// rebuilt once for a table that has none.

const codesOf = (offer: { promotions: { code: string }[] }) => offer.promotions.map((p) => p.code);
const indexItem = async () =>
  (await dynamoDoc().send(new GetCommand({ TableName: tableName('promotions'), Key: { code: '#index' }, ConsistentRead: true }))).Item;

describe('promotions index', () => {
  it('offers every automatic promotion and only the entered code, and follows an automatic promotion switched off', async () => {
    const auto = await makePromotion({ automatic: true });
    const entered = await makePromotion({});
    const other = await makePromotion({});

    const withCode = codesOf(await loadOffer({ code: entered.code.toLowerCase(), customerKey: null }));
    expect(withCode).toContain(auto.code);
    expect(withCode).toContain(entered.code);
    expect(withCode).not.toContain(other.code);
    expect(codesOf(await loadOffer({ code: null, customerKey: null }))).toContain(auto.code);

    await updatePromotion(marketer, auto.code, { automatic: false, expectedVersion: auto.version });
    expect(codesOf(await loadOffer({ code: null, customerKey: null }))).not.toContain(auto.code);
    expect((await listAllPromotions()).map((p) => p.code)).toEqual(expect.arrayContaining([auto.code, entered.code, other.code]));
  });

  it('rebuilds a missing index once from the table, and later creates add to it', async () => {
    const auto = await makePromotion({ automatic: true });
    const plain = await makePromotion({});
    await dynamoDoc().send(new DeleteCommand({ TableName: tableName('promotions'), Key: { code: '#index' } }));

    expect(codesOf(await loadOffer({ code: null, customerKey: null }))).toContain(auto.code);
    const rebuilt = await indexItem();
    expect(rebuilt?.complete).toBe(true);
    const codes = [...((rebuilt?.codes as Set<string> | undefined) ?? [])];
    expect(codes).toEqual(expect.arrayContaining([auto.code, plain.code]));
    expect(codes).not.toContain('#index');

    const later = await makePromotion({ automatic: true });
    expect(codesOf(await loadOffer({ code: null, customerKey: null }))).toEqual(expect.arrayContaining([auto.code, later.code]));
  });
});
