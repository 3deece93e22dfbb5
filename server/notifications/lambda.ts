import { mailQueueHandler } from './mail-queue';

// The mail queue's function (sst.config.ts `MailSender`): SQS batches with partial batch responses.
export const handler = mailQueueHandler;
