// Test-only: the real orders-stream consumer in a process of its own, which kills itself with SIGKILL (no cleanup,
// no finally, like an OOM kill or a Lambda timeout) at a chosen point in a batch:
//   CRASH_AFTER_COMMIT_OF=<orderId>: right after DynamoDB acknowledged the transaction that counted that order,
//   before the consumer saw the answer: the rest of the batch, the Redis copy and the checkpoint never happen.
// Run with `node --conditions=react-server --import tsx server/streams/orders-stream/test-support/killable-consumer.ts` and the local stack's
// environment. Used by consumer-killed-mid-batch.int.test.ts.
import { dynamoClient } from '../../../platform/aws/clients';
import { createOrdersStreamConsumer } from '../consumer';

const crashAfter = process.env.CRASH_AFTER_COMMIT_OF;
if (!crashAfter) throw new Error('CRASH_AFTER_COMMIT_OF is required');

dynamoClient().middlewareStack.add(
  (next, context) => async (args) => {
    const result = await next(args);
    const input = JSON.stringify(args.input);
    if (context.commandName === 'TransactWriteItemsCommand' && input.includes('order-counted') && input.includes(crashAfter)) {
      process.stdout.write(`committed counts of ${crashAfter}; dying now\n`);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined); // never continue past the kill
    }
    return result;
  },
  { step: 'initialize', priority: 'high', name: 'killAfterCommit' },
);

createOrdersStreamConsumer({ idleMs: 100 });
// Polls until it reaches the order. Never outlives the test: it exits if its parent goes away or after a minute.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500);
setTimeout(() => process.exit(2), 60_000);
