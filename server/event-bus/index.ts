import 'server-only';

// Public entry of the event bus: customer events published to one SNS topic (docs/api.md, ADR 0009).
export { publishCustomerEvent } from './publish-customer-event';
