import { getConfig } from '../config';

/** The warehouse queue and its dead-letter queue; absent means no queue is configured (the feature is off). */
export function queueUrls(): { main: string; dlq: string } | null {
  const { FULFILMENT_QUEUE_URL, FULFILMENT_DLQ_URL } = getConfig();
  return FULFILMENT_QUEUE_URL && FULFILMENT_DLQ_URL ? { main: FULFILMENT_QUEUE_URL, dlq: FULFILMENT_DLQ_URL } : null;
}
