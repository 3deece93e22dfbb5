// Public entry of the DynamoDB base layer every domain uses: the retry policy, the AWS error predicates, the one
// BatchGet loop and the transaction item type. Table names and key design live in ./tables.
export { withRetry, backoffDelayMs, equalJitterDelayMs, sleep, type RetryPolicy } from './retry';
export { awsErrorName, cancellationCodes, isConditionalCheckFailure, isTransactionCanceled, isThrottling } from './aws-errors';
export { batchGetAll, BATCH_GET_LIMIT, type BatchGetSend } from './batch-get-all';
export type { TransactItem } from './transact';
export { tableName } from './tables';
