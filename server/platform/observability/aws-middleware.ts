import type { BuildMiddleware, HandlerExecutionContext, InitializeMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { currentRequestContext, currentRequestId, recordDownstreamCall } from './context';
import { logger } from './logger';
import { REQUEST_ID_HEADER } from './request-id';

// Added by the one client factory (server/platform/aws/clients.ts) to every AWS client:
// - build step: the request id goes out as an `x-request-id` header. The build step runs before SigV4 signs
//   (finalizeRequest), so the header is signed like any other and every retry carries it; AWS services and the
//   local stand-ins ignore a header they do not know (checked against DynamoDB Local by observability.int.test.ts).
// - initialize step (outermost): each call's service, operation and duration (retries included) go into the
//   request context for Server-Timing, and a debug line names them with the AWS request id, so a request can be
//   followed into CloudTrail or an AWS support case.

const log = logger.child({ component: 'aws' });

// biome-ignore lint/suspicious/noExplicitAny: one middleware for every client, and each client has its own input/output unions
type AnyStack = MiddlewareStack<any, any>;

function operationName(context: HandlerExecutionContext): string {
  const name = context.commandName ?? 'unknown';
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name;
}

function metadataOf(value: unknown): MetadataBearer['$metadata'] | undefined {
  return typeof value === 'object' && value !== null ? (value as Partial<MetadataBearer>).$metadata : undefined;
}

const requestIdHeader: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
  const id = currentRequestId();
  const request = args.request as { headers?: Record<string, string> } | undefined;
  if (id && request && typeof request.headers === 'object') request.headers[REQUEST_ID_HEADER] = id;
  return next(args);
};

function callTiming(service: string, quietOutsideRequests: boolean): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const ctx = currentRequestContext();
    const start = performance.now();
    let outcome: unknown;
    let failed = false;
    try {
      const result = await next(args);
      outcome = result.output;
      return result;
    } catch (err) {
      outcome = err;
      failed = true;
      throw err;
    } finally {
      const end = performance.now();
      recordDownstreamCall(service, start, end, ctx);
      if (log.enabled('debug') && (ctx || failed || !quietOutsideRequests || currentRequestId())) {
        const meta = metadataOf(outcome);
        log.debug('aws call', {
          service,
          operation: operationName(context),
          durMs: Math.round((end - start) * 10) / 10,
          status: meta?.httpStatusCode,
          attempts: meta?.attempts,
          awsRequestId: meta?.requestId,
          error: failed ? (outcome instanceof Error ? outcome.name : String(outcome)) : undefined,
        });
      }
    }
  };
}

/**
 * Adds the request-id header and call timing to a client. `service` names it in Server-Timing and logs
 * (`dynamodb`, `cognito`, …). `quietOutsideRequests`: a poller's client (DynamoDB Streams reads twice a second
 * per shard) writes debug lines only for calls made for a request or that failed. Idempotent per client.
 */
export function observeAwsClient<C extends { middlewareStack: AnyStack }>(client: C, service: string, options: { quietOutsideRequests?: boolean } = {}): C {
  client.middlewareStack.add(callTiming(service, options.quietOutsideRequests ?? false), {
    step: 'initialize',
    priority: 'high',
    name: 'storefrontCallTiming',
    override: true,
  });
  client.middlewareStack.add(requestIdHeader, { step: 'build', name: 'storefrontRequestIdHeader', override: true });
  return client;
}
