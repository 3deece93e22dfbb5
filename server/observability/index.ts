// Observability (docs/observability.md, ADR 0007): the JSON logger, the request id, the request context that
// carries it (and the downstream call timings behind Server-Timing), and the AWS SDK middleware.
export { errorText, formatLogLine, logger, type LogFields, type Logger, type LogLevel } from './logger';
export {
  adoptRequestId,
  mintRequestId,
  REQUEST_ID_HEADER,
  requestIdsFrom,
  safeRequestId,
} from './request-id';
export {
  currentRequestContext,
  currentRequestId,
  newRequestContext,
  recordDownstreamCall,
  runWithRequestContext,
  serverTimingHeader,
  setFallbackRequestId,
  type RequestContext,
} from './context';
export { observeAwsClient } from './aws-middleware';
export { subscribeRedisTiming } from './redis-timing';
