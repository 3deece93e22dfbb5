import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { sqsClient } from '../platform/aws/clients';
import { getConfig } from '../platform/config';

// What goes on the mail queue: a rendered email and the marker that makes its sending happen once.

export const queuedMailSchema = z.object({
  marker: z.object({ subject: z.string().min(1).max(512), event: z.string().min(1).max(256) }),
  to: z.string().min(3).max(320),
  mail: z.object({ subject: z.string().max(998), html: z.string(), text: z.string() }),
  headers: z.array(z.object({ name: z.string().min(1).max(128), value: z.string().max(2_048) })).max(10),
});
export type QueuedMail = z.infer<typeof queuedMailSchema>;

/** Throws when SQS does not take it (the caller then sends inline). */
export async function enqueueMail(message: QueuedMail): Promise<void> {
  const QueueUrl = getConfig().MAIL_QUEUE_URL;
  if (!QueueUrl) throw new Error('no mail queue is configured');
  await sqsClient().send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(message) }));
}
