// Observability (docs/observability.md, ADR 0007): the JSON logger, the request id, the request context that
// carries it (and the downstream call timings behind Server-Timing), and the AWS SDK middleware.

export { observeAwsClient } from './aws-middleware';
export {
  newRequestContext,
  type RequestContext,
  runWithRequestContext,
  serverTimingHeader,
} from './context';
export { logOnce } from './log-once';
export { errorText, logger } from './logger';
export { subscribeRedisTiming } from './redis-timing';
export {
  adoptRequestId,
  requestIdsFrom,
} from './request-id';
