import { readFileSync } from 'node:fs';
import { type ImportProgress, importCatalog } from '../../server/catalog/import';
import { startDynamoDbLocal } from '../dynamodb-local';
import { freePort } from '../ports';
import { applyEnv, provisionTables } from '../provision';
import { generateDemoCatalog } from './demo-catalog';

// npx tsx local/catalog/measure-demo-import.ts
// How long the first-start demo load takes: a throwaway in-memory DynamoDB Local with the app's tables, the
// 1,200-product demo imported cold, then imported again unchanged. Prints wall time per phase and the CPU time
// DynamoDB Local spent (wall time alone mostly measures whatever else the machine is doing).

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function timedImport(label: string, pid: number | undefined): Promise<void> {
  const rows = generateDemoCatalog();
  const phases: Partial<Record<ImportProgress['phase'], number>> = {};
  let phaseStart = performance.now();
  let current: ImportProgress['phase'] | undefined;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const summary = await importCatalog(rows, {
    onProgress: ({ phase }) => {
      if (phase === current) return;
      const now = performance.now();
      if (current) phases[current] = Math.round(now - phaseStart);
      current = phase;
      phaseStart = now;
    },
  });
  if (current) phases[current] = Math.round(performance.now() - phaseStart);
  const cpuAfter = cpuSeconds(pid);
  const cpu = cpuBefore !== null && cpuAfter !== null ? `, DynamoDB Local CPU ${(cpuAfter - cpuBefore).toFixed(1)} s` : '';
  console.log(
    `${label}: ${((performance.now() - started) / 1000).toFixed(2)} s wall${cpu}; ${summary.created} new, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged; phases (ms) ${JSON.stringify(phases)}`,
  );
}

const port = await freePort();
const dynamo = await startDynamoDbLocal({ port, dbPath: null });
try {
  applyEnv({
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_PREFIX: 'measure-',
  });
  await provisionTables();
  const pid = dynamo.child.pid;
  await timedImport('first import (cold JVM, empty tables)', pid);
  await timedImport('re-import, nothing changed', pid);
  console.log(
    `machine load average while measuring: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await dynamo.stop();
}
