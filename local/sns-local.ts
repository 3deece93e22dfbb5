import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { snsClient, sqsClient } from '../server/platform/aws/clients';

// The customer-events topic on fauxqs's SNS (same process and port as its SQS), and one SQS queue subscribed to it
// with raw delivery: the local stand-in for the consumers' queues on AWS (sst.config.ts), and what tests read to
// see exactly what was published. CreateTopic, CreateQueue and an identical Subscribe are idempotent.

export async function provisionCustomerEvents(prefix: string): Promise<{ CUSTOMER_EVENTS_TOPIC_ARN: string; CUSTOMER_EVENTS_LOG_QUEUE_URL: string }> {
  const topic = await snsClient().send(new CreateTopicCommand({ Name: `${prefix}customer-events` }));
  const queue = await sqsClient().send(new CreateQueueCommand({ QueueName: `${prefix}customer-events-log` }));
  const attrs = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }));
  if (!topic.TopicArn || !queue.QueueUrl || !attrs.Attributes?.QueueArn) throw new Error('fauxqs returned no topic ARN or queue URL');
  await snsClient().send(
    new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: attrs.Attributes.QueueArn, Attributes: { RawMessageDelivery: 'true' } }),
  );
  return { CUSTOMER_EVENTS_TOPIC_ARN: topic.TopicArn, CUSTOMER_EVENTS_LOG_QUEUE_URL: queue.QueueUrl };
}
