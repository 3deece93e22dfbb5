import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** One item of a DynamoDB TransactWriteItems call, as the DocumentClient takes it (plain JS values). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
