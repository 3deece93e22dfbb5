import { describe, expect, it } from 'vitest';
import { cancellationCodes } from '../platform/db';
import { classifyCancellation } from './cancellation-reasons';

const roles = { stock: [0, 1], order: 2, idempotency: 3, cart: 4 };

describe('cancellation reasons', () => {
  it('reads codes from CancellationReasons, or from the message', () => {
    expect(cancellationCodes({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] })).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    expect(
      cancellationCodes({
        name: 'TransactionCanceledException',
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
      }),
    ).toEqual(['None', 'TransactionConflict']);
  });
  it('tells a short stock line from a taken key and a conflict', () => {
    expect(classifyCancellation(['None', 'ConditionalCheckFailed', 'None', 'None', 'None'], roles)).toMatchObject({ stockShort: true, keyTaken: false });
    expect(classifyCancellation(['None', 'None', 'None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'], roles)).toMatchObject({
      keyTaken: true,
      cartChanged: true,
      stockShort: false,
    });
    expect(classifyCancellation(['TransactionConflict', 'None', 'None', 'None', 'None'], roles)).toMatchObject({ conflict: true, stockShort: false });
  });
  it('recognises a transaction DynamoDB cancelled for throttling, and nothing else as throttling', () => {
    for (const code of ['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']) {
      expect(classifyCancellation([code, 'None', 'None', 'None', 'None'], roles), code).toMatchObject({ throttled: true, stockShort: false, keyTaken: false });
    }
    expect(classifyCancellation(['TransactionConflict', 'None', 'None', 'None', 'None'], roles).throttled).toBe(false);
    expect(classifyCancellation(['None', 'ConditionalCheckFailed', 'None', 'None', 'None'], roles).throttled).toBe(false);
  });
  it('marks reasons no retry can change, and only those', () => {
    for (const code of ['ValidationError', 'ItemCollectionSizeLimitExceeded']) {
      expect(classifyCancellation(['None', code, 'None', 'None', 'None'], roles).unretryable, code).toBe(true);
    }
    for (const code of ['ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError', 'None']) {
      expect(classifyCancellation([code, 'None', 'None', 'None', 'None'], roles).unretryable, code).toBe(false);
    }
  });
});
