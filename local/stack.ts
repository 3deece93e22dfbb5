import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCognitoLocal } from './cognito-local';
import { assertJava, startDynamoDbLocal } from './dynamodb-local';
import { startPaymentsSandbox } from './payments-sandbox/launch';
import { assertPortFree, freePort, portFromEnv } from './ports';
import type { Managed } from './processes';
import { provision, type TablesResult } from './provision';
import { findRedisServer, REDIS_MISSING, redisPing, startRedis } from './redis';
import { startSesLocal } from './ses-local';
import { localSessionSecret } from './session-secret';
import { startSqsLocal } from './sqs-local';
import { isProcessAlive, readStackState, writeStackState } from './stack-state';

// The embedded local AWS stack: DynamoDB Local, cognito-local and (when available) Redis, provisioned
// idempotently on every start. Launchers (dev.ts, stack-only.ts) and the integration-test setup call startStack.

export type StackOptions = {
  /** Folder that keeps DynamoDB and Cognito state across restarts, or 'memory' for a throwaway stack (tests). */
  dataDir: string | 'memory';
  /** Fixed ports (default 8000 / 9229 / any free one for Redis, overridable by LOCAL_*_PORT), or 'auto' for all free ones. */
  ports?: { dynamodb?: number; cognito?: number; redis?: number; sqs?: number; ses?: number; paymentsSandbox?: number } | 'auto';
  /** The shop's origins, the only ones the payments sandbox lets tokenise from a browser (default: SITE_URL, :3000). */
  storefrontOrigins?: string[];
  redis?: 'auto' | 'off';
  quiet?: boolean;
};

export type StackDetails = {
  /** Absolute data folder, or 'memory'. */
  dataDir: string;
  /** cognito-local's working folder (a temp one for 'memory'): its users, and a pending reset code, are under .cognito/db. */
  cognitoDir: string;
  ports: { dynamodb: number; cognito: number; redis?: number; sqs: number; ses: number; paymentsSandbox: number };
  /** Process ids of the stand-ins, for the fault suite (it freezes them with SIGSTOP). */
  pids: { dynamodb: number; cognito: number };
  /** started: a redis-server child; external: REDIS_URL from the environment; none: DynamoDB paths only. */
  redis: 'started' | 'external' | 'none';
  tables: TablesResult;
  userPoolId: string;
  clientId: string;
  /** Milliseconds until the servers answered, and for provisioning after that. */
  timings: { servers: number; provision: number; total: number };
};

export type Stack = { env: Record<string, string>; stop: () => Promise<void>; details: StackDetails };

const DEFAULT_TABLE_PREFIX = 'storefront-local-';
let redisMissingLogged = false;

async function choosePort(auto: boolean, explicit: number | undefined, envVar: string, fallback: number | undefined, what: string): Promise<number> {
  if (auto) return freePort();
  const port = explicit ?? portFromEnv(envVar) ?? fallback;
  if (port === undefined) return freePort();
  await assertPortFree(port, what, envVar);
  return port;
}

/** Refuses to run two launchers on one data folder: both would write cognito-local's JSON files. */
function assertDataDirFree(dataDir: string): void {
  const state = readStackState(dataDir);
  if (state && state.pid !== process.pid && isProcessAlive(state.pid)) {
    throw new Error(`A local stack is already running on ${dataDir} (pid ${state.pid}): stop it with Ctrl-C in its terminal, or use it`);
  }
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const t0 = performance.now();
  assertJava();
  const memory = opts.dataDir === 'memory';
  // 'memory': DynamoDB Local runs -inMemory; cognito-local still needs a folder, so it gets a temp one.
  const dataDir = memory ? mkdtempSync(path.join(os.tmpdir(), 'storefront-stack-')) : path.resolve(opts.dataDir);
  const removeTemp = () => {
    if (memory) rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', removeTemp);

  const children: Managed[] = [];
  const envBefore = new Map<string, string | undefined>();
  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    // Reverse start order; each stop waits for the process to exit.
    for (const child of children.reverse()) await child.stop();
    // Give this process back the environment it had, so a later stack in it starts clean.
    for (const [key, value] of envBefore) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    removeTemp();
    process.off('exit', removeTemp);
  }

  try {
    if (!memory) {
      mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
      assertDataDirFree(dataDir);
    }
    const auto = opts.ports === 'auto';
    const fixed = opts.ports === 'auto' ? {} : (opts.ports ?? {});
    const dynamodbPort = await choosePort(auto, fixed.dynamodb, 'LOCAL_DYNAMODB_PORT', 8000, 'DynamoDB Local');
    const cognitoPort = await choosePort(auto, fixed.cognito, 'LOCAL_COGNITO_PORT', 9229, 'cognito-local');
    const sqsPort = await choosePort(auto, fixed.sqs, 'LOCAL_SQS_PORT', 8007, 'fauxqs');
    const sesPort = await choosePort(auto, fixed.ses, 'SES_LOCAL_PORT', 8005, 'aws-ses-v2-local');
    const paymentsPort = await choosePort(auto, fixed.paymentsSandbox, 'PAYMENTS_SANDBOX_PORT', 8006, 'payments sandbox');
    const cognitoDir = path.join(dataDir, 'cognito');
    const dynamoDir = path.join(dataDir, 'dynamodb');
    mkdirSync(cognitoDir, { recursive: true });
    if (!memory) mkdirSync(dynamoDir, { recursive: true });
    const logFile = (name: string) => (memory ? undefined : path.join(dataDir, 'logs', `${name}.log`));

    // Redis: an external REDIS_URL wins; else a redis-server on PATH; else none (said once).
    let redis: StackDetails['redis'] = 'none';
    let redisUrl: string | undefined;
    let redisPort: number | undefined;
    let redisBinary: string | undefined;
    if (opts.redis !== 'off') {
      if (process.env.REDIS_URL) {
        redis = 'external';
        redisUrl = process.env.REDIS_URL;
      } else if ((redisBinary = findRedisServer())) {
        redisPort = await choosePort(auto, fixed.redis, 'LOCAL_REDIS_PORT', undefined, 'redis-server');
      } else if (!redisMissingLogged) {
        redisMissingLogged = true;
        console.warn(REDIS_MISSING);
      }
    }

    // Recorded before anything spawns, so a second launcher or `npm run reset` sees the folder in use from now on.
    if (!memory) {
      const ports = [dynamodbPort, cognitoPort, sqsPort, sesPort, paymentsPort, ...(redisPort !== undefined ? [redisPort] : [])];
      writeStackState(dataDir, { pid: process.pid, ports, startedAt: new Date().toISOString() });
    }

    // Start all servers at once (Java dominates the wait) and keep whatever started, so stop() can clean up.
    // LOCAL_STACK_START_TIMEOUT_MS: on a machine this loaded, Java can take longer than the 30 s default to answer.
    const timeoutMs = Number(process.env.LOCAL_STACK_START_TIMEOUT_MS) || undefined;
    const starts: Promise<Managed>[] = [
      startDynamoDbLocal({ port: dynamodbPort, dbPath: memory ? null : dynamoDir, logFile: logFile('dynamodb'), timeoutMs }),
      startCognitoLocal({ port: cognitoPort, cwd: cognitoDir, logFile: logFile('cognito'), timeoutMs }),
      startSqsLocal({ port: sqsPort, logFile: logFile('fauxqs'), timeoutMs }),
      startSesLocal({ port: sesPort, logFile: logFile('ses'), timeoutMs }),
    ];
    const sandbox = startPaymentsSandbox({
      port: paymentsPort,
      dataFile: memory ? null : path.join(dataDir, 'payments-sandbox', 'records.json'),
      allowedOrigins: opts.storefrontOrigins ?? defaultStorefrontOrigins(),
      logFile: logFile('payments-sandbox'),
      timeoutMs,
    });
    starts.push(sandbox.then((s) => s.proc));
    if (redisBinary && redisPort !== undefined) {
      starts.push(startRedis({ binary: redisBinary, port: redisPort, logFile: logFile('redis') }));
    }
    const results = await Promise.allSettled(starts);
    for (const r of results) if (r.status === 'fulfilled') children.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (redisPort !== undefined) {
      redis = 'started';
      redisUrl = `redis://127.0.0.1:${redisPort}`;
    }
    const tServers = performance.now();
    const pidOf = (name: string) => children.find((c) => c.name === name)?.child.pid ?? 0;

    if (redis === 'external' && redisUrl && !(await pingUrl(redisUrl))) {
      console.warn(`REDIS_URL=${redisUrl} does not answer PING: the app will run on its DynamoDB paths until it does`);
    }

    const baseEnv: Record<string, string> = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamodbPort}`,
      COGNITO_ENDPOINT: `http://127.0.0.1:${cognitoPort}`,
      SQS_ENDPOINT: `http://127.0.0.1:${sqsPort}`,
      // fauxqs answers SNS on the same port (local/sns-local.ts).
      SNS_ENDPOINT: `http://127.0.0.1:${sqsPort}`,
      // …and S3 (local/s3-local.ts): the search index snapshots.
      S3_ENDPOINT: `http://127.0.0.1:${sqsPort}`,
      SES_ENDPOINT: `http://127.0.0.1:${sesPort}`,
      TABLE_PREFIX: process.env.TABLE_PREFIX || DEFAULT_TABLE_PREFIX,
      STREAM_CONSUMERS: 'inprocess',
      // The local events lake (server/analytics): date-partitioned Parquet files, queried by DuckDB.
      ANALYTICS_LAKE_DIR: path.join(dataDir, 'analytics'),
      // A production-mode start on this stack (npm start, e2e, bench) may use cognito-local, with its own secret.
      LOCAL_STACK: '1',
      SESSION_SECRET: localSessionSecret(memory ? null : dataDir),
      // The sandbox card processor (local/payments-sandbox): its origin and the server API's secret key.
      PAYMENTS_SANDBOX_URL: (await sandbox).url,
      PAYMENTS_SANDBOX_SECRET_KEY: (await sandbox).secretKey,
      // 'off' blanks an inherited REDIS_URL (config reads '' as unset), so merging this env really disables Redis.
      ...(redisUrl ? { REDIS_URL: redisUrl } : opts.redis === 'off' ? { REDIS_URL: '' } : {}),
    };
    const keys = [
      ...Object.keys(baseEnv),
      'COGNITO_USER_POOL_ID',
      'COGNITO_CLIENT_ID',
      'FULFILMENT_QUEUE_URL',
      'FULFILMENT_DLQ_URL',
      'MAIL_QUEUE_URL',
      'MAIL_DLQ_URL',
      'CAMPAIGN_QUEUE_URL',
      'CAMPAIGN_DLQ_URL',
      'STREAM_FAILURES_DLQ_URL',
      'CUSTOMER_EVENTS_TOPIC_ARN',
      'CUSTOMER_EVENTS_LOG_QUEUE_URL',
      'SEARCH_SNAPSHOT_BUCKET',
      'PRODUCT_IMAGES_BUCKET',
    ];
    for (const key of keys) if (!envBefore.has(key)) envBefore.set(key, process.env[key]);
    const { env, tables, cognito } = await provision(baseEnv);
    const tEnd = performance.now();

    const ports = {
      dynamodb: dynamodbPort,
      cognito: cognitoPort,
      sqs: sqsPort,
      ses: sesPort,
      paymentsSandbox: paymentsPort,
      ...(redisPort ? { redis: redisPort } : {}),
    };
    const details: StackDetails = {
      dataDir: memory ? 'memory' : dataDir,
      cognitoDir,
      ports,
      pids: { dynamodb: pidOf('DynamoDB Local'), cognito: pidOf('cognito-local') },
      redis,
      tables,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      timings: {
        servers: Math.round(tServers - t0),
        provision: Math.round(tEnd - tServers),
        total: Math.round(tEnd - t0),
      },
    };
    if (!opts.quiet) console.log(summary(details));
    return { env, stop, details };
  } catch (err) {
    await stop();
    throw err;
  }
}

function defaultStorefrontOrigins(): string[] {
  const port = process.env.PORT || '3000';
  return [
    ...new Set(
      [process.env.SITE_URL, `http://localhost:${port}`, `http://127.0.0.1:${port}`].filter((o): o is string => Boolean(o)).map((o) => new URL(o).origin),
    ),
  ];
}

async function pingUrl(url: string): Promise<boolean> {
  try {
    const u = new URL(url);
    // TLS or password-protected Redis cannot be pinged over a raw socket: trust it.
    if (u.protocol !== 'redis:' || u.password) return true;
    return await redisPing(u.hostname, Number(u.port || 6379));
  } catch {
    return false;
  }
}

function summary(d: StackDetails): string {
  const redis = d.redis === 'started' ? `Redis :${d.ports.redis}` : d.redis === 'external' ? 'Redis from REDIS_URL' : 'no Redis';
  const created = d.tables.created.length > 0 ? `, created ${d.tables.created.length} tables` : '';
  return (
    `Local stack ready in ${(d.timings.total / 1000).toFixed(1)} s: DynamoDB Local :${d.ports.dynamodb}, ` +
    `cognito-local :${d.ports.cognito}, fauxqs (SQS, SNS, S3) :${d.ports.sqs}, SES inbox http://127.0.0.1:${d.ports.ses}/, payments sandbox :${d.ports.paymentsSandbox}, ${redis}${created}` +
    (d.dataDir === 'memory' ? ' (in memory)' : ` (data in ${path.relative(process.cwd(), d.dataDir) || '.'})`)
  );
}
