import 'server-only';

// Public entry of the event bus: customer events through an outbox to one SNS topic (docs/api.md, ADR 0009).
// A writer puts customerEventEntry(...).item into its own DynamoDB transaction, then calls publishCommitted.
export { customerEventEntry, publishCommitted, recordCustomerEvent } from './outbox';
export { startOutboxRelay } from './outbox-relay';
