import { Readable } from 'node:stream';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';

// DynamoDB throttling injected into the app's real DynamoDB client (server/platform/aws/clients.ts), through its middleware
// stack. The injector sits at the bottom of the stack (deserialize step, low priority: below the SDK's retry and
// signing middleware, right above the HTTP handler) and answers chosen attempts with the HTTP response DynamoDB
// itself sends when it throttles: a 400 whose JSON body names ProvisionedThroughputExceededException or
// ThrottlingException, or, for TransactWriteItems, a TransactionCanceledException whose CancellationReasons say
// ThrottlingError. The SDK's own deserializer turns that into the modeled exception and the SDK's own retry
// strategy (maxAttempts, backoff, retry quota) decides what happens next. Throttled attempts never reach
// DynamoDB Local, exactly like a throttled request never reaches a table.

export type ThrottleKind = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'TransactionThrottled';

export type ThrottleRule = {
  /** DynamoDB operation as in the X-Amz-Target header: GetItem, BatchGetItem, TransactWriteItems, … or '*'. */
  operation: string;
  /** How many attempts of each matching call (by SDK attempt number) are throttled; Infinity for all. */
  attemptsPerCall?: number;
  /** Or: how many matching attempts in total are throttled, whatever call they belong to. */
  total?: number;
  kind?: ThrottleKind;
  /** Only requests whose JSON body contains this text (a user id, a product id). */
  bodyIncludes?: string;
};

export type AttemptLog = { operation: string; attempt: number; at: number; throttled: ThrottleKind | null };
export type CallLog = { operation: string; attempts: number | undefined; totalRetryDelay: number | undefined; error?: string };

const MESSAGES: Record<Exclude<ThrottleKind, 'TransactionThrottled'>, string> = {
  ProvisionedThroughputExceededException:
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  ThrottlingException: 'Throughput exceeds the current capacity of your table or index.',
};

/** The SDK's JSON body is a Uint8Array; TextDecoder reads its bytes without the string conversions it warns about. */
function bodyText(requestBody: unknown): string {
  return requestBody instanceof Uint8Array ? new TextDecoder().decode(requestBody) : String(requestBody ?? '');
}

function throttleResponse(kind: ThrottleKind, requestBody: unknown): HttpResponse {
  let body: Record<string, unknown>;
  if (kind === 'TransactionThrottled') {
    const items = (() => {
      try {
        return (JSON.parse(bodyText(requestBody)) as { TransactItems?: unknown[] }).TransactItems?.length ?? 1;
      } catch {
        return 1;
      }
    })();
    // DynamoDB reports a throttled transaction per item: the first one throttled, the rest not evaluated.
    const reasons = Array.from({ length: items }, (_, i) =>
      i === 0 ? { Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity of your table or index.' } : { Code: 'None' },
    );
    body = {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      CancellationReasons: reasons,
    };
  } else {
    body = { __type: `com.amazonaws.dynamodb.v20120810#${kind}`, message: MESSAGES[kind] };
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  return new HttpResponse({
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(bytes.length), 'x-amzn-requestid': `fault-${Date.now()}` },
    body: Readable.from([bytes]),
  });
}

function operationOf(request: HttpRequest): string {
  const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
  return target.split('.').pop() ?? '';
}

function attemptOf(request: HttpRequest): number {
  const header = request.headers['amz-sdk-request'] ?? '';
  return Number(/attempt=(\d+)/.exec(header)?.[1] ?? '1');
}

export type Injector = {
  attempts: AttemptLog[];
  calls: CallLog[];
  /** Attempts that went through to DynamoDB Local. */
  passed(operation: string): AttemptLog[];
  throttled(operation: string): AttemptLog[];
  setRules(rules: ThrottleRule[]): void;
  remove(): void;
};

const INJECT = 'faultSuiteThrottleInjector';
const OBSERVE = 'faultSuiteCallObserver';

export function injectThrottling(client: DynamoDBClient, initial: ThrottleRule[] = []): Injector {
  let rules = initial;
  const spent = new Map<ThrottleRule, number>();
  const attempts: AttemptLog[] = [];
  const calls: CallLog[] = [];

  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request;
      if (!HttpRequest.isInstance(request)) return next(args);
      const operation = operationOf(request);
      const attempt = attemptOf(request);
      const rule = rules.find((r) => {
        if (r.operation !== '*' && r.operation !== operation) return false;
        if (r.bodyIncludes !== undefined && !bodyText(request.body).includes(r.bodyIncludes)) return false;
        if (r.total !== undefined) return (spent.get(r) ?? 0) < r.total;
        return attempt <= (r.attemptsPerCall ?? 0);
      });
      if (!rule) {
        attempts.push({ operation, attempt, at: performance.now(), throttled: null });
        return next(args);
      }
      spent.set(rule, (spent.get(rule) ?? 0) + 1);
      const kind = rule.kind ?? 'ProvisionedThroughputExceededException';
      attempts.push({ operation, attempt, at: performance.now(), throttled: kind });
      return { response: throttleResponse(kind, request.body), output: undefined as never };
    },
    { step: 'deserialize', priority: 'low', name: INJECT, override: true },
  );

  // Outermost: what each call finally reported (the SDK stamps attempts and totalRetryDelay on output or error).
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      try {
        const result = await next(args);
        const meta = (result.output as { $metadata?: { attempts?: number; totalRetryDelay?: number } }).$metadata;
        calls.push({ operation, attempts: meta?.attempts, totalRetryDelay: meta?.totalRetryDelay });
        return result;
      } catch (err) {
        const meta = (err as { $metadata?: { attempts?: number; totalRetryDelay?: number } }).$metadata;
        calls.push({ operation, attempts: meta?.attempts, totalRetryDelay: meta?.totalRetryDelay, error: (err as Error).name });
        throw err;
      }
    },
    { step: 'initialize', priority: 'high', name: OBSERVE, override: true },
  );

  return {
    attempts,
    calls,
    passed: (operation) => attempts.filter((a) => a.operation === operation && a.throttled === null),
    throttled: (operation) => attempts.filter((a) => a.operation === operation && a.throttled !== null),
    setRules(next) {
      rules = next;
      spent.clear();
    },
    remove() {
      client.middlewareStack.remove(INJECT);
      client.middlewareStack.remove(OBSERVE);
    },
  };
}
