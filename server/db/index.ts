// Public entry of the DynamoDB base layer every domain uses: the retry policy, the AWS error predicates, the one
// BatchGet loop and the transaction item type. Table names and key design live in ./tables.

export { awsErrorName, cancellationCodes, isConditionalCheckFailure, isThrottling, isTransactionCanceled } from './aws-errors';
export { batchDeleteAll } from './batch-delete-all';
export { BATCH_GET_LIMIT, type BatchGetSend, batchGetAll } from './batch-get-all';
export { backoffDelayMs, equalJitterDelayMs, type RetryPolicy, sleep, withRetry } from './retry';
export { tableName } from './tables';
export type { TransactItem } from './transact';
