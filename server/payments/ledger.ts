import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { type TransactItem, tableName } from '../platform/db';
import { AppError } from '../platform/errors';
import type { Money } from '../platform/money';

// The payment ledger of an order: one item per money movement, keyed by an id derived from the order and the
// event that caused it (capture at shipment, void at cancellation, a refund for a received return or one asked by
// operations). The movement's item is Put with attribute_not_exists inside the same transaction as the order's
// transition, and the order's payment amounts (what the API shows) are the ledger folded up, written in that
// transaction too on the order's version. So a movement happens once per event however often the event is
// delivered, and two refunds racing on one order cannot both commit: refunded never exceeds captured.

export type PaymentStatus = 'AUTHORIZED' | 'CAPTURED' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';
export type PaymentAmounts = { authorized: number; captured: number; refunded: number; status: PaymentStatus };

export type LedgerMovement = { kind: 'capture' | 'void' | 'refund'; amount: Money };

export type LedgerEntry = LedgerMovement & {
  orderId: string;
  /** `capture`, `void`, `refund#<event>`: the idempotency key of the movement, here and at the processor. */
  entryId: string;
  at: string;
  by: string;
  reason?: string;
};

/** The amounts after a movement; 409 when it is not possible (a refund past what is left, a capture after a void). */
export function applyMovement(current: PaymentAmounts, movement: LedgerMovement): PaymentAmounts {
  const { amount } = movement;
  if (!Number.isSafeInteger(amount.amount) || amount.amount < 0)
    throw new AppError('VALIDATION_FAILED', 'A payment amount must be a whole number of minor units, at least 0.');
  switch (movement.kind) {
    case 'capture':
      if (current.status !== 'AUTHORIZED') throw new AppError('CONFLICT', `The payment is ${current.status.toLowerCase()}: nothing to capture.`);
      if (amount.amount > current.authorized) throw new AppError('CONFLICT', 'A capture cannot exceed the authorised amount.');
      return { ...current, captured: amount.amount, status: 'CAPTURED' };
    case 'void':
      if (current.status !== 'AUTHORIZED') throw new AppError('CONFLICT', `The payment is ${current.status.toLowerCase()}: it cannot be voided.`);
      return { ...current, status: 'VOIDED' };
    case 'refund': {
      const left = current.captured - current.refunded;
      if (amount.amount <= 0) throw new AppError('VALIDATION_FAILED', 'A refund must be more than zero.');
      if (amount.amount > left) {
        throw new AppError('CONFLICT', `A refund cannot exceed what was captured and not yet refunded (${left} minor units).`, {
          details: { refundable: left },
        });
      }
      const refunded = current.refunded + amount.amount;
      return { ...current, refunded, status: refunded === current.captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED' };
    }
  }
}

/** The Put of one movement, for the order's transition transaction. Fails the transaction when already recorded. */
export function ledgerEntryPut(entry: LedgerEntry): TransactItem {
  return {
    Put: {
      TableName: tableName('payments'),
      Item: entry,
      ConditionExpression: 'attribute_not_exists(entryId)',
    },
  };
}

/** Every movement of an order, oldest first (entry ids are not time-ordered, so sorted by time). */
export async function readLedger(orderId: string): Promise<LedgerEntry[]> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('payments'),
      KeyConditionExpression: 'orderId = :o',
      ExpressionAttributeValues: { ':o': orderId },
      ConsistentRead: true,
    }),
  );
  return ((out.Items ?? []) as LedgerEntry[]).sort((a, b) => a.at.localeCompare(b.at));
}
