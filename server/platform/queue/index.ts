// Plumbing for SQS: the Lambda shape of an SQS batch and a poller that feeds such a handler in a process that is not
// Lambda (the local stack), so a queue's consumer is one function on AWS and locally; and reading a dead-letter
// queue as operations see it (SQS has no peek).
export { deleteById, peekAll, receiveAll } from './peek';
export { type SqsBatchResult, type SqsRecord, type SqsWorker, startSqsWorker } from './sqs-worker';
