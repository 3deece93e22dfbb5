import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

// Public entry of the DynamoDB base layer every domain uses: the retry policy, the AWS error predicates, the one
// BatchGet loop and the transaction item type. Table names and key design live in ./tables.

export { backoffDelayMs, equalJitterDelayMs, type RetryPolicy, sleep, withRetry } from '../runtime';
export { AUDIT_ENTRY_ID_PATTERN, auditEntryId, queryAuditTrail, setFields, writeWithAudit } from './audit';
export { awsErrorName, cancellationCodes, isConditionalCheckFailure, isThrottling, isTransactionCanceled } from './aws-errors';
export { batchDeleteAll } from './batch-delete-all';
export { BATCH_GET_LIMIT, type BatchGetSend, batchGetAll, batchGetTables } from './batch-get-all';
export { batchWriteWithRetry } from './batch-write-with-retry';
export { readCapGuard } from './cap-guard';
export { queryAllPartitions, queryMerged, queryMergedPage } from './merge-shards';
export { queryAll, queryCount, queryPages, queryUpTo, scanAll, scanPages } from './paginate';
export { tableName } from './tables';

/** One item of a DynamoDB TransactWriteItems call, as the DocumentClient takes it (plain JS values). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
