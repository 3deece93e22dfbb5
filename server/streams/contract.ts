import { z } from 'zod';

// Client-safe types of the stream consumers' failures (server/streams/stream-failures.ts): what the operations
// console shows of the StreamFailuresDlq, and the body that discards one message.

/** One on-failure report of a stream event source mapping: a pointer to the records that failed, read for people. */
export type StreamFailure = {
  messageId: string;
  /** The table whose stream it was, without the stage prefix ('orders', 'products'), or 'unknown'. */
  stream: string;
  /** The consumer that failed (the function's name, last part of its ARN). */
  consumer: string;
  /** Why Lambda gave up, in words ("Failed on every retry (4 attempts)", "Too old to process"). */
  error: string;
  /** When the report was written (ISO). */
  at: string;
  /** How many records the failed batch held, and their sequence numbers on the stream. */
  records: { count: number; firstSequence: string; lastSequence: string; shardId: string };
  /** The failed records' keys read back from the stream (e.g. [{ id: 'ord_…' }]); null once the stream no longer has them. */
  keys: Record<string, string>[] | null;
};

export const discardStreamFailureBody = z.object({ messageId: z.string().trim().min(1).max(200) }).strict();
