import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { setMarketingConsent } from '@/server/account';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout/place-order';
import { checkoutBody, putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { sqsClient } from '@/server/platform/aws/clients';
import { getConfig } from '@/server/platform/config';
import type { SqsRecord } from '@/server/platform/queue';
import { campaignQueueHandler, createCampaign, readCampaign, requestCampaignSend } from './index';

// The campaign queue on the local stack (fauxqs, DynamoDB Local, the SES v2 stand-in), driven as its event source
// mapping drives the CampaignSender function: "Send" puts one message on the queue; the function, told by its
// Lambda context that its time is nearly up, stops mid-campaign and queues its own continuation; the continuation
// finishes it. Every consenting buyer gets exactly one email across the two runs.

type Stored = { emails: { destination: { to: string[] }; subject: string }[] };
const inbox = async () => ((await (await fetch(`${getConfig().SES_ENDPOINT}/store`)).json()) as Stored).emails;

/** The next message on the campaign queue about `campaignId`, as the SQS record Lambda would be handed; deleted. */
async function nextMessage(campaignId: string): Promise<SqsRecord> {
  const QueueUrl = getConfig().CAMPAIGN_QUEUE_URL!;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, AttributeNames: ['All'] }));
    for (const m of res.Messages ?? []) {
      await sqsClient().send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
      if (JSON.parse(m.Body ?? '{}').campaignId !== campaignId) continue;
      return {
        messageId: m.MessageId!,
        receiptHandle: m.ReceiptHandle!,
        body: m.Body!,
        attributes: { ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount },
      };
    }
  }
  throw new Error(`no message for ${campaignId} on the campaign queue`);
}

describe('the campaign queue (ADR 0036)', () => {
  it('a run told its time is nearly up stops, queues the rest, and the continuation finishes: one email per consenting buyer', async () => {
    expect(getConfig().CAMPAIGN_QUEUE_URL, 'the local stack provisions the campaign queue').toBeTruthy();
    const today = new Date().toISOString().slice(0, 10);
    const product = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 50 }] });
    const tag = uniqueId('cq');
    const buyers = Array.from({ length: 4 }, (_, i) => ({ userId: uniqueId(`cqbuyer${i}`), email: `${tag}-${i}@example.com` }));
    for (const b of buyers) {
      await addCartItem({ kind: 'user', userId: b.userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      await placeOrder({ userId: b.userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
      await setMarketingConsent({ userId: b.userId, granted: true, source: 'test', email: b.email, name: 'Ada' });
    }
    const subject = `Queued picks ${tag}`;
    const campaign = await createCampaign(
      { segment: { kind: 'bought-in-category', category: 'test-fixtures', from: today, to: today }, subject, message: 'Hello.' },
      'marketer@example.com',
    );
    const mine = async () => (await inbox()).filter((e) => e.subject === subject);

    await requestCampaignSend(campaign.id);
    // Nothing is sent by asking: the function sends.
    expect(await mine()).toEqual([]);
    const first = await nextMessage(campaign.id);

    // The Lambda context: a minute left for the first two recipients, then 10 s (under the 30 s the run keeps back).
    let asked = 0;
    const context = { getRemainingTimeInMillis: () => (++asked <= 2 ? 60_000 : 10_000) };
    expect(await campaignQueueHandler({ Records: [first] }, context)).toEqual({ batchItemFailures: [] });
    expect((await readCampaign(campaign.id))?.status).toBe('sending');
    const afterFirst = (await mine()).length;
    expect(afterFirst).toBeLessThanOrEqual(2);

    // Its continuation is on the queue; this run has all the time it needs.
    const continuation = await nextMessage(campaign.id);
    expect(await campaignQueueHandler({ Records: [continuation] }, { getRemainingTimeInMillis: () => 900_000 })).toEqual({ batchItemFailures: [] });
    expect((await readCampaign(campaign.id))?.status).toBe('sent');
    const perAddress = new Map<string, number>();
    for (const e of await mine()) for (const to of e.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    for (const b of buyers) expect(perAddress.get(b.email) ?? 0, b.email).toBe(1);
  }, 120_000);

  it('a message that is not a campaign is reported as failed, to come back and then be dead-lettered', async () => {
    const record: SqsRecord = { messageId: 'm-bad', receiptHandle: 'r', body: '{"campaign":42}', attributes: {} };
    expect(await campaignQueueHandler({ Records: [record] })).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-bad' }] });
  });
});
