import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { isConditionalCheckFailure, isTransactionCanceled, readCapGuard, type TransactItem, tableName } from '../platform/db';
import { AppError } from '../platform/errors';
import { type AddressFields, type AddressPatch, type SavedAddress, validateAddress } from './address-schema';

// The shopper's address book: items 'address#<id>' in their own partition of `accounts`, so every read and write is
// keyed by the caller's user id — someone else's address id simply does not exist here (404, never 403). Exactly one
// address is the default while any exist: the first one saved, then whichever the shopper picks; deleting the
// default hands it to the oldest remaining one. Changing the default is one transaction (old off, new on).

const PREFIX = 'address#';
/** Enough for any household; stops a script from filling a partition. */
export const MAX_ADDRESSES = 20;

type AddressItem = AddressFields & { userId: string; item: string; id: string; isDefault: boolean; createdAt: string };

// The cap is part of the write (issue 30 L2): every add bumps the book's guard item in the same transaction as the
// new address, on the condition that it is still the version read before the count (server/platform/db/cap-guard.ts).
// Parallel adds that all counted 19 cannot all land: the first moves the version, the rest are cancelled (409).
const GUARD = 'addressbook#guard';

const newAddressId = () => `adr_${randomBytes(9).toString('base64url')}`;
/** An id this book could have made: anything else is answered 404 before DynamoDB sees it (a hostile key is no 503). */
const isAddressId = (id: string) => /^adr_[A-Za-z0-9_-]{12}$/.test(id);

function toSaved(item: Record<string, unknown>): SavedAddress {
  const { userId: _u, item: _i, createdAt: _c, ...rest } = item as AddressItem;
  return rest;
}

async function readItems(userId: string): Promise<AddressItem[]> {
  const out = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('accounts'),
      KeyConditionExpression: 'userId = :u AND begins_with(#item, :p)',
      ExpressionAttributeNames: { '#item': 'item' },
      ExpressionAttributeValues: { ':u': userId, ':p': PREFIX },
      ConsistentRead: true,
    }),
  );
  return ((out.Items ?? []) as AddressItem[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The caller's addresses, the default first, then oldest first. */
export async function listAddresses(userId: string): Promise<SavedAddress[]> {
  const items = await readItems(userId);
  return [...items.filter((a) => a.isDefault), ...items.filter((a) => !a.isDefault)].map(toSaved);
}

export async function getAddress(userId: string, id: string): Promise<SavedAddress | null> {
  if (!isAddressId(id)) return null;
  const out = await dynamoDoc().send(new GetCommand({ TableName: tableName('accounts'), Key: { userId, item: `${PREFIX}${id}` }, ConsistentRead: true }));
  return out.Item ? toSaved(out.Item) : null;
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'There is no such address in your account.');
}

function invalid(issues: { path: string; message: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Check the highlighted address fields.', { details: issues });
}

/** Clears isDefault on every other default item, as transaction items. */
function demoteOthers(userId: string, items: AddressItem[], keepId: string): TransactItem[] {
  return items
    .filter((a) => a.isDefault && a.id !== keepId)
    .map((a) => ({
      Update: {
        TableName: tableName('accounts'),
        Key: { userId, item: a.item },
        UpdateExpression: 'SET isDefault = :f',
        ConditionExpression: 'attribute_exists(userId)',
        ExpressionAttributeValues: { ':f': false },
      },
    }));
}

async function transact(items: TransactItem[]): Promise<void> {
  try {
    await dynamoDoc().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    // Another tab changed the book at the same moment: the shopper tries again on a fresh read.
    if (isTransactionCanceled(err)) throw new AppError('CONFLICT', 'Your address book changed at the same time. Please try again.');
    throw err;
  }
}

export async function addAddress(userId: string, address: AddressFields, opts: { isDefault?: boolean; now?: Date } = {}): Promise<SavedAddress> {
  // The guard first, then the count: an add that lands between the two reads has moved the version, so this
  // write's condition fails rather than trust a stale count.
  const guard = await readCapGuard(tableName('accounts'), { userId, item: GUARD });
  const items = await readItems(userId);
  if (items.length >= MAX_ADDRESSES) {
    throw new AppError('CONFLICT', `An address book holds at most ${MAX_ADDRESSES} addresses. Delete one to add another.`);
  }
  const id = newAddressId();
  const isDefault = opts.isDefault === true || items.length === 0;
  const item: AddressItem = { ...address, userId, item: `${PREFIX}${id}`, id, isDefault, createdAt: (opts.now ?? new Date()).toISOString() };
  const put = { TableName: tableName('accounts'), Item: item, ConditionExpression: 'attribute_not_exists(userId)' };
  const demote = isDefault && items.some((a) => a.isDefault) ? demoteOthers(userId, items, id) : [];
  await transact([{ Put: put }, guard.bump(), ...demote]);
  return toSaved(item);
}

export async function updateAddress(userId: string, id: string, patch: AddressPatch): Promise<SavedAddress> {
  const items = await readItems(userId);
  const current = items.find((a) => a.id === id);
  if (!current) throw notFound();
  const { isDefault, ...fields } = patch;
  const merged = { ...toSaved(current), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? undefined])) };
  const { id: _id, isDefault: _d, ...addressFields } = merged;
  const checked = validateAddress(addressFields);
  if (!checked.ok) throw invalid(checked.issues);
  // Unsetting the default is not a thing a shopper can do directly: another address becomes the default instead.
  const nextDefault = isDefault === true ? true : current.isDefault;
  const item: AddressItem = { ...checked.address, userId, item: current.item, id, isDefault: nextDefault, createdAt: current.createdAt };
  const put = { TableName: tableName('accounts'), Item: item, ConditionExpression: 'attribute_exists(userId)' };
  try {
    if (nextDefault && !current.isDefault) await transact([{ Put: put }, ...demoteOthers(userId, items, id)]);
    else await dynamoDoc().send(new PutCommand(put));
  } catch (err) {
    if (isConditionalCheckFailure(err)) throw notFound();
    throw err;
  }
  return toSaved(item);
}

export async function deleteAddress(userId: string, id: string): Promise<void> {
  if (!isAddressId(id)) throw notFound();
  let deleted: Record<string, unknown> | undefined;
  try {
    const out = await dynamoDoc().send(
      new DeleteCommand({
        TableName: tableName('accounts'),
        Key: { userId, item: `${PREFIX}${id}` },
        ConditionExpression: 'attribute_exists(userId)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    deleted = out.Attributes;
  } catch (err) {
    if (isConditionalCheckFailure(err)) throw notFound();
    throw err;
  }
  if (deleted?.isDefault !== true) return;
  const [next] = await readItems(userId);
  if (!next || next.isDefault) return;
  await dynamoDoc()
    .send(
      new UpdateCommand({
        TableName: tableName('accounts'),
        Key: { userId, item: next.item },
        UpdateExpression: 'SET isDefault = :t',
        ConditionExpression: 'attribute_exists(userId)',
        ExpressionAttributeValues: { ':t': true },
      }),
    )
    .catch((err: unknown) => {
      // Deleted meanwhile as well: the next read finds another, or none.
      if (!isConditionalCheckFailure(err)) throw err;
    });
}
