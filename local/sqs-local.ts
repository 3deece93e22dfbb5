import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../server/platform/aws/clients';
import { localBindHost } from './bind-host';
import { portAnswers } from './ports';
import { type Managed, manage, waitUntilReady } from './processes';

// fauxqs: the SQS (and SNS/S3) emulator that stands in for the queue to the warehouse (ADR 0008). Its CLI listens
// on every interface, so the launcher builds its app and listens on 127.0.0.1 only. Its persistence module
// imports node:sqlite (Node ≥ 22.5) even when unused; a loader hook stands a stub in for it (the launcher runs on
// Node 20), which is why queues live in memory here: a restart empties them, and the orders stream, read again from its start at
// every launch, publishes again.

const require = createRequire(import.meta.url);
/**
 * Deliveries before a message counts as poison (sst.config.ts uses the same number): an order's message is received
 * up to 4 times on its way (it waits on the queue before each warehouse step, ADR 0027), which leaves 2 retries.
 */
export const MAX_RECEIVE_COUNT = 6;

function appModule(): string {
  // fauxqs is ESM-only with no require() entry and no exported package.json: found where require would look.
  for (const dir of require.resolve.paths('fauxqs') ?? []) {
    const file = path.join(dir, 'fauxqs', 'dist', 'app.js');
    if (existsSync(file)) return pathToFileURL(file).href;
  }
  throw new Error('fauxqs is not installed (npm install)');
}

const SQLITE_STUB_HOOK = `export async function resolve(s, c, n) { if (s === 'node:sqlite') return { shortCircuit: true, url: 'data:text/javascript,export class DatabaseSync { constructor() { throw new Error("fauxqs persistence needs Node 22.5") } }' }; return n(s, c); }`;

export async function startSqsLocal(opts: { port: number; logFile?: string; timeoutMs?: number }): Promise<Managed> {
  const script = [
    `const { register } = await import('node:module');`,
    `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(SQLITE_STUB_HOOK)}));`,
    `const { buildApp } = await import(${JSON.stringify(appModule())});`,
    `const app = buildApp({ logger: false, defaultRegion: 'us-east-1' });`,
    `await app.listen({ port: ${opts.port}, host: ${JSON.stringify(localBindHost())} });`,
    `console.log('fauxqs listening on ${localBindHost()}:${opts.port}');`,
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = manage('fauxqs', child, opts.logFile);
  try {
    await waitUntilReady(proc, () => portAnswers(opts.port), opts.timeoutMs ?? 15_000);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

/**
 * The warehouse queue and its dead-letter queue (and the stream failures queue), created if missing (CreateQueue with the same attributes is
 * idempotent). A message received maxReceiveCount times without being deleted moves to the DLQ.
 */
export async function provisionQueues(
  prefix: string,
  visibilitySeconds: number,
): Promise<{
  FULFILMENT_QUEUE_URL: string;
  FULFILMENT_DLQ_URL: string;
  STREAM_FAILURES_DLQ_URL: string;
  MAIL_QUEUE_URL: string;
  MAIL_DLQ_URL: string;
  CAMPAIGN_QUEUE_URL: string;
  CAMPAIGN_DLQ_URL: string;
}> {
  const fifo = { FifoQueue: 'true', ContentBasedDeduplication: 'false' };
  const dlq = await sqsClient().send(new CreateQueueCommand({ QueueName: `${prefix}fulfilment-dlq.fifo`, Attributes: fifo }));
  const attrs = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const main = await sqsClient().send(
    new CreateQueueCommand({
      QueueName: `${prefix}fulfilment.fifo`,
      Attributes: {
        ...fifo,
        VisibilityTimeout: String(visibilitySeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: attrs.Attributes?.QueueArn, maxReceiveCount: MAX_RECEIVE_COUNT }),
      },
    }),
  );
  // The stream mappings' on-failure destination (StreamFailuresDlq in sst.config.ts): a standard queue. Locally the
  // in-process consumers do not report to it (only the emulated mappings in local/lambda do), but the operations
  // console reads it as on AWS.
  const streamFailures = await sqsClient().send(new CreateQueueCommand({ QueueName: `${prefix}stream-failures` }));
  if (!main.QueueUrl || !dlq.QueueUrl || !streamFailures.QueueUrl) throw new Error('fauxqs returned no queue URL');
  const mail = await provisionMailQueue(prefix);
  const campaigns = await provisionCampaignQueue(prefix);
  return { FULFILMENT_QUEUE_URL: main.QueueUrl, FULFILMENT_DLQ_URL: dlq.QueueUrl, STREAM_FAILURES_DLQ_URL: streamFailures.QueueUrl, ...mail, ...campaigns };
}

/** Receives before a queued email is dead-lettered (sst.config.ts uses the same number): its back-off adds up to ~8 min. */
export const MAIL_MAX_RECEIVE_COUNT = 10;

/** A standard queue and its dead-letter queue: a message received maxReceiveCount times moves to the DLQ. */
async function provisionStandardQueue(name: string, visibilitySeconds: number, maxReceiveCount: number): Promise<{ queueUrl: string; dlqUrl: string }> {
  const dlq = await sqsClient().send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const attrs = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const main = await sqsClient().send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilitySeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: attrs.Attributes?.QueueArn, maxReceiveCount }),
      },
    }),
  );
  if (!main.QueueUrl || !dlq.QueueUrl) throw new Error(`fauxqs returned no URL for the ${name} queue`);
  return { queueUrl: main.QueueUrl, dlqUrl: dlq.QueueUrl };
}

/** The mail queue (standard: order does not matter, the marker makes each send once) and its dead-letter queue. */
async function provisionMailQueue(prefix: string): Promise<{ MAIL_QUEUE_URL: string; MAIL_DLQ_URL: string }> {
  const { queueUrl, dlqUrl } = await provisionStandardQueue(`${prefix}mail`, 60, MAIL_MAX_RECEIVE_COUNT);
  return { MAIL_QUEUE_URL: queueUrl, MAIL_DLQ_URL: dlqUrl };
}

/** Receives before a campaign message is dead-lettered (sst.config.ts uses the same number). */
const CAMPAIGN_MAX_RECEIVE_COUNT = 5;

/**
 * The campaign queue (ADR 0036) and its dead-letter queue. Its visibility (16 minutes) outlasts a run: the campaign
 * function's 15-minute timeout on AWS, the local poller's 10-minute runs (server/campaigns/campaign-queue.ts).
 */
async function provisionCampaignQueue(prefix: string): Promise<{ CAMPAIGN_QUEUE_URL: string; CAMPAIGN_DLQ_URL: string }> {
  const { queueUrl, dlqUrl } = await provisionStandardQueue(`${prefix}campaigns`, 16 * 60, CAMPAIGN_MAX_RECEIVE_COUNT);
  return { CAMPAIGN_QUEUE_URL: queueUrl, CAMPAIGN_DLQ_URL: dlqUrl };
}
