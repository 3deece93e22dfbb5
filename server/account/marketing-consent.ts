import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { customerEventEntry, publishCommitted } from '../customer-events';
import { dynamoDoc } from '../platform/aws/clients';
import { cancellationCodes, isConditionalCheckFailure, isTransactionCanceled, queryPages, tableName, withRetry } from '../platform/db';
import { ACCOUNT_INDEXES } from '../platform/db/tables';

// Marketing consent: one item per shopper ('consent') recording the answer, when and where it was given. A change
// (and only a change) publishes customer.consent-changed: the write is conditional on the answer being different,
// so a double-submitted form or a second click on an unsubscribe link records nothing and publishes nothing. The
// event is written to the outbox in the same transaction as the answer (server/customer-events, ADR 0009), so a change
// that committed is published even if this process dies before the publish.
// Granted items carry `consentList` and the shopper's email and name, so the campaign audience is one Query of the
// sparse byConsent index and never touches Cognito.

export type ConsentSource = 'account-page' | 'sign-up' | 'unsubscribe-link' | (string & {});
export type MarketingConsent = { granted: boolean; at: string | null; source: string | null };
export type ConsentingCustomer = { userId: string; email: string; name: string };

const CONSENT_ITEM = 'consent';
const GRANTED = 'granted';

export async function getMarketingConsent(userId: string): Promise<MarketingConsent> {
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('accounts'), Key: { userId, item: CONSENT_ITEM }, ConsistentRead: true }));
  const item = out.Item;
  if (!item) return { granted: false, at: null, source: null };
  return { granted: item.granted === true, at: typeof item.at === 'string' ? item.at : null, source: typeof item.source === 'string' ? item.source : null };
}

export type SetConsentInput = {
  userId: string;
  granted: boolean;
  source: ConsentSource;
  /** Kept with a granted consent so campaigns can address the shopper; the stored ones stay when omitted. */
  email?: string;
  name?: string;
  now?: Date;
};

/** Records the answer when it differs from the stored one. `changed`: it did, and its event is in the outbox (published, or left to the relay). */
export async function setMarketingConsent(input: SetConsentInput): Promise<MarketingConsent & { changed: boolean }> {
  const at = (input.now ?? new Date()).toISOString();
  const names: Record<string, string> = { '#g': 'granted', '#at': 'at', '#src': 'source', '#list': 'consentList' };
  const values: Record<string, unknown> = { ':g': input.granted, ':at': at, ':src': input.source };
  const sets = ['#g = :g', '#at = :at', '#src = :src'];
  if (input.granted && input.email) {
    names['#email'] = 'email';
    values[':email'] = input.email;
    sets.push('#email = :email');
  }
  if (input.name) {
    names['#name'] = 'name';
    values[':name'] = input.name;
    sets.push('#name = :name');
  }
  const removes: string[] = [];
  if (input.granted) {
    values[':list'] = GRANTED;
    sets.push('#list = :list');
  } else {
    // Withdrawn consent leaves the index, and the address kept for campaigns goes with it.
    names['#email'] = 'email';
    removes.push('#list', '#email');
    values[':yes'] = true;
  }
  const outbox = customerEventEntry({ type: 'customer.consent-changed', data: { userId: input.userId, granted: input.granted, source: input.source, at } });
  // Two answers for one shopper at the same instant conflict as transactions: the loser tries again, and then
  // either changes the answer or finds it given already.
  const conflicted = (err: unknown) => cancellationCodes(err).includes('TransactionConflict');
  try {
    await withRetry(
      () =>
        dynamoDoc().send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName('accounts'),
                  Key: { userId: input.userId, item: CONSENT_ITEM },
                  UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
                  // Absent counts as "not granted": withdrawing a consent never given changes nothing.
                  ConditionExpression: input.granted ? 'attribute_not_exists(#g) OR #g <> :g' : '#g = :yes',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: values,
                },
              },
              outbox.item,
            ],
          }),
        ),
      { attempts: 3, baseDelayMs: 50, maxDelayMs: 200, retryOn: conflicted },
    );
  } catch (err) {
    // The answer is the stored one already: the whole transaction, outbox entry included, did nothing.
    if (!isTransactionCanceled(err) || cancellationCodes(err)[0] !== 'ConditionalCheckFailed') throw err;
    return { ...(await getMarketingConsent(input.userId)), changed: false };
  }
  await publishCommitted(outbox.envelope);
  return { granted: input.granted, at, source: input.source, changed: true };
}

/** Keeps the campaign copy of the shopper's name in step with a profile change (only where consent is granted). */
export async function refreshConsentingName(userId: string, name: string): Promise<void> {
  try {
    await dynamoDoc().send(
      new UpdateCommand({
        TableName: tableName('accounts'),
        Key: { userId, item: CONSENT_ITEM },
        UpdateExpression: 'SET #name = :name',
        ConditionExpression: 'attribute_exists(consentList)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': name },
      }),
    );
  } catch (err) {
    if (!isConditionalCheckFailure(err)) throw err;
  }
}

/** Every shopper with consent granted, a page of the index at a time (the audience of a campaign). */
export async function* listConsentingCustomers(opts: { pageSize?: number } = {}): AsyncGenerator<ConsentingCustomer> {
  for await (const page of queryPages({
    TableName: tableName('accounts'),
    IndexName: ACCOUNT_INDEXES.byConsent,
    KeyConditionExpression: 'consentList = :g',
    ExpressionAttributeValues: { ':g': GRANTED },
    Limit: opts.pageSize ?? 100,
  })) {
    for (const item of page.Items ?? []) {
      // The index is eventually consistent: a consent withdrawn a moment ago may still be listed; its item says no.
      if (item.granted !== true || typeof item.email !== 'string' || !item.email) continue;
      yield { userId: String(item.userId), email: item.email, name: typeof item.name === 'string' ? item.name : '' };
    }
  }
}
