import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiles LoopbackDynamoDbLocal.java once per machine (javac, ~3 s of CPU) into a temp folder keyed by the source
// and the jar, so DynamoDB Local can listen on 127.0.0.1 only. Without a JDK (only a JRE) it returns null and the
// caller falls back to the jar's own main, which listens on every interface, with one warning.

const SOURCE = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

/** The folder holding LoopbackDynamoDbLocal.class for this jar, or null when it cannot be compiled here. */
export function loopbackLauncherDir(jar: string, libDir: string): string | null {
  const key = createHash('sha256').update(readFileSync(SOURCE)).update(jar).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `storefront-dynamodb-loopback-${key}`);
  if (existsSync(path.join(dir, 'LoopbackDynamoDbLocal.class'))) return dir;
  const staging = mkdtempSync(`${dir}-staging-`);
  const classpath = [jar, path.join(libDir, '*')].join(path.delimiter);
  const result = spawnSync('javac', ['-nowarn', '-cp', classpath, '-d', staging, SOURCE], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return null;
  }
  try {
    // Atomic: two stacks starting at once both compile; the first rename wins, the other's copy is dropped.
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}
