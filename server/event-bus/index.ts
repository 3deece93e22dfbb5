import 'server-only';

// Public entry of the event bus: customer events published to one SNS topic (docs/api.md, ADR 00NN).
export type { CustomerEvent, CustomerEventEnvelope, CustomerEventType } from './customer-events';
export { type PublishOutcome, publishCustomerEvent } from './publish-customer-event';
