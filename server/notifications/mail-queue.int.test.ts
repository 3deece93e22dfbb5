import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueId } from '../checkout/test-support/fixtures';
import { eventually } from '../leaderboard/test-fixtures';
import { resetConfigForTests } from '../platform/config';
import type { SqsWorker } from '../platform/queue';
import { mailBackoffSeconds, mailQueueHandler, sendEmailOnce, startMailWorker } from '.';
import { enqueueMail } from './mail-queue-client';

// The mail queue on the local stack (fauxqs, the SES v2 stand-in): SES throttled by a proxy in front of the
// stand-in answers 429 TooManyRequestsException to the first sends; the mail is delayed, sent once, and a
// redelivered message sends nothing more (issue 25 item 5).

const stackEnv = inject('localStackEnv');
const realSes = stackEnv.SES_ENDPOINT!;
let proxy: Server;
let worker: SqsWorker | null = null;
const counts = { throttleLeft: 0, throttled: 0, forwarded: 0 };

async function inboxFor(to: string): Promise<string[]> {
  const stored = (await (await fetch(`${realSes}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
  return stored.emails.filter((e) => e.destination.to.includes(to)).map((e) => e.subject);
}

beforeAll(async () => {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails') && counts.throttleLeft > 0) {
        counts.throttleLeft--;
        counts.throttled++;
        res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' });
        res.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
        return;
      }
      counts.forwarded++;
      const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'));
      const upstream = await fetch(`${realSes}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  process.env.SES_ENDPOINT = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  process.env.MAIL_QUEUE_URL = stackEnv.MAIL_QUEUE_URL!;
  resetConfigForTests();
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => proxy.close(resolve));
});

const mail = (to: string) => () => ({ subject: `Order ${to} confirmed`, html: `<p>Thanks ${to}</p>`, text: `Thanks ${to}` });

describe('the mail queue', () => {
  it('a throttled SES delays the mail and loses none: queued, refused while throttled, sent once later', async () => {
    const to = `${uniqueId('throttled')}@example.com`;
    // Enough 429s that the first receive fails after all its retries (3 tries × the SDK's 3 attempts).
    counts.throttleLeft = 12;
    const outcome = await sendEmailOnce({ subject: uniqueId('ord'), event: 'confirmation' }, to, mail(to));
    expect(outcome).toBe('queued');
    expect(await inboxFor(to)).toEqual([]);
    worker = startMailWorker();
    expect(worker).not.toBeNull();
    const sent = await eventually(
      async () => {
        const subjects = await inboxFor(to);
        expect(subjects).toHaveLength(1);
        return subjects;
      },
      60_000,
      250,
    );
    expect(sent).toEqual([`Order ${to} confirmed`]);
    expect(counts.throttled).toBe(12);
    expect(worker!.stats.failed).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('a redelivered message mails once', async () => {
    const to = `${uniqueId('twice')}@example.com`;
    const message = { marker: { subject: uniqueId('ord'), event: 'shipped' }, to, mail: mail(to)(), headers: [] };
    const before = worker!.stats.deleted;
    await enqueueMail(message);
    await enqueueMail(message);
    await eventually(async () => expect(worker!.stats.deleted - before).toBeGreaterThanOrEqual(2), 30_000, 250);
    expect(await inboxFor(to)).toHaveLength(1);
  }, 60_000);

  it('a message that is not mail fails (the queue dead-letters it after its receives), and back-off doubles to 5 minutes', async () => {
    const result = await mailQueueHandler({
      Records: [{ messageId: 'm-1', receiptHandle: 'r-1', body: '{"to":1}', attributes: { ApproximateReceiveCount: '1' } }],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect([1, 2, 3, 8, 9, 10].map(mailBackoffSeconds)).toEqual([2, 4, 8, 256, 300, 300]);
  });
});
