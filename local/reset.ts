import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { portAnswers, portFromEnv } from './ports';
import { isProcessAlive, readStackState } from './stack-state';

// `npm run reset`: delete the local data folder (tables, orders, carts, users), so the next start provisions
// everything and loads the demo catalog from scratch. Refuses while a stack may still be using it: deleting the
// database under a running DynamoDB Local leaves it serving from a file that no longer exists.

const DATA_DIR = '.local-data';

async function main(): Promise<number> {
  const dataDir = path.resolve(DATA_DIR);
  if (!existsSync(dataDir)) {
    console.log(`Nothing to reset: ${DATA_DIR} does not exist`);
    return 0;
  }
  const state = readStackState(dataDir);
  // The ports the last stack on this folder used; without a record, the default ports.
  const ports = state?.ports ?? [portFromEnv('LOCAL_DYNAMODB_PORT') ?? 8000, portFromEnv('LOCAL_COGNITO_PORT') ?? 9229];
  const answering: number[] = [];
  for (const port of ports) if (await portAnswers(port)) answering.push(port);
  const launcherAlive = state !== undefined && isProcessAlive(state.pid);
  if (answering.length > 0 || launcherAlive) {
    const why = [
      launcherAlive ? `its launcher (pid ${state!.pid}) is running` : '',
      answering.length ? `${answering.length > 1 ? 'ports' : 'port'} ${answering.join(', ')} ${answering.length > 1 ? 'answer' : 'answers'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    console.error(`The local stack seems to be running (${why}): stop it with Ctrl-C, then run npm run reset again`);
    return 1;
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Deleted ${DATA_DIR}: the next npm run dev starts with fresh tables, demo accounts and catalog`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
