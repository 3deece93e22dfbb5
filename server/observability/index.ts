// Observability (docs/observability.md, ADR 0007): the JSON logger, the request id, the request context that
// carries it (and the downstream call timings behind Server-Timing), and the AWS SDK middleware.
export { errorText, logger } from './logger';
export {
  adoptRequestId,
  requestIdsFrom,
} from './request-id';
export {
  newRequestContext,
  runWithRequestContext,
  serverTimingHeader,
  type RequestContext,
} from './context';
export { observeAwsClient } from './aws-middleware';
export { subscribeRedisTiming } from './redis-timing';
