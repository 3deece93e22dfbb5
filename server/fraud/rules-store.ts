import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { auditEntryId, isTransactionCanceled, tableName } from '../platform/db';
import { AppError } from '../platform/errors';
import { validationError } from '../platform/http/respond';
import { logger } from '../platform/observability';
import { ttlMemo } from '../platform/runtime';
import { DEFAULT_FRAUD_RULES, type FraudRuleSettings, type FraudRules, type FraudRulesAuditEntry, fraudRuleSettingsSchema } from './contract';

// The screening rules as data (docs/fraud.md): one versioned item in `fraud-rules`, every change with its before and
// after in `fraud-rules-audit` in the same transaction, as flags and promotions keep theirs. Until operations first
// save, the defaults (contract.ts) apply as version 0. Checkout reads the rules through a 3-second memo: a change
// reaches every instance within that.

const RULE_SET = 'checkout';
const memo = ttlMemo('fraud-rules', { ttlMs: 3_000, max: 1 });

const defaults = (): FraudRules => ({ ...DEFAULT_FRAUD_RULES, version: 0, updatedBy: 'defaults', updatedAt: '1970-01-01T00:00:00.000Z' });

async function readRules(): Promise<FraudRules> {
  const { Item } = await dynamoDoc().send(new GetCommand({ TableName: tableName('fraudRules'), Key: { ruleSet: RULE_SET }, ConsistentRead: true }));
  if (!Item) return defaults();
  const parsed = fraudRuleSettingsSchema.safeParse(Item.settings);
  if (!parsed.success) {
    // A hand-edited item that no longer parses must not switch screening off: the defaults hold until it is fixed.
    logger.error('fraud rules item does not parse: screening with the defaults', { version: Item.version, issues: parsed.error.issues.length });
    return defaults();
  }
  return { ...parsed.data, version: Number(Item.version), updatedBy: String(Item.updatedBy), updatedAt: String(Item.updatedAt) };
}

/** The rules checkout screens with (at most 3 s old). */
export function currentFraudRules(): Promise<FraudRules> {
  return memo.get(RULE_SET, readRules);
}

/** The stored rules, read now: what the operations page shows and edits. */
export function storedFraudRules(): Promise<FraudRules> {
  return readRules();
}

type Editor = { id: string; email: string; name: string };

/** Saves new settings if `expectedVersion` is still current; 409 VERSION_CONFLICT with the current rules otherwise. */
export async function saveFraudRules(editor: Editor, input: { settings: unknown; expectedVersion: number }, now = new Date()): Promise<FraudRules> {
  const parsed = fraudRuleSettingsSchema.safeParse(input.settings);
  if (!parsed.success) throw validationError(parsed.error, 'Please check the rules.');
  const current = await readRules();
  const conflict = () =>
    new AppError(
      'VERSION_CONFLICT',
      `Someone else changed the fraud rules (now version ${current.version}, by ${current.updatedBy}). Review them and try again.`,
      {
        details: { currentVersion: current.version },
      },
    );
  if (current.version !== input.expectedVersion) throw conflict();
  const at = now.toISOString();
  const version = current.version + 1;
  const by = editor.email || editor.name || editor.id;
  const { version: _v, updatedBy: _b, updatedAt: _a, ...before } = current;
  const audit: FraudRulesAuditEntry & { ruleSet: string } = {
    ruleSet: RULE_SET,
    entryId: auditEntryId(version, at),
    version,
    at,
    by,
    byId: editor.id,
    before: current.version === 0 ? null : (before as FraudRuleSettings),
    after: parsed.data,
  };
  try {
    await dynamoDoc().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName('fraudRules'),
              Item: { ruleSet: RULE_SET, settings: parsed.data, version, updatedBy: by, updatedAt: at },
              ConditionExpression: current.version === 0 ? 'attribute_not_exists(ruleSet)' : 'version = :v',
              ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ':v': current.version } }),
            },
          },
          { Put: { TableName: tableName('fraudRulesAudit'), Item: audit, ConditionExpression: 'attribute_not_exists(entryId)' } },
        ],
      }),
    );
  } catch (err) {
    if (isTransactionCanceled(err)) throw conflict();
    throw err;
  }
  memo.forget(RULE_SET);
  return { ...parsed.data, version, updatedBy: by, updatedAt: at };
}

/** Newest first. */
export async function fraudRulesHistory(limit = 50): Promise<FraudRulesAuditEntry[]> {
  const { Items } = await dynamoDoc().send(
    new QueryCommand({
      TableName: tableName('fraudRulesAudit'),
      KeyConditionExpression: 'ruleSet = :r',
      ExpressionAttributeValues: { ':r': RULE_SET },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map(({ ruleSet: _r, ...entry }) => entry as FraudRulesAuditEntry);
}
