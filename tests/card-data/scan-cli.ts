import { readFileSync } from 'node:fs';
import { resetConfigForTests } from '../../server/platform/config';
import { scanLogFile, scanTables } from './scan';

// `tsx tests/card-data/scan-cli.ts --env <stack env json> --log <server log>…`: exit 1 when any card number is
// found (listed by place), 0 otherwise. The e2e teardown runs it against the run's stack and server log.
const args = process.argv.slice(2);
const values = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]!] : []));
for (const file of values('--env')) Object.assign(process.env, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
resetConfigForTests();

const logs = values('--log').flatMap((file) => scanLogFile(file));
const tables = await scanTables();
const findings = [...logs, ...tables.findings];
console.log(JSON.stringify({ logFiles: values('--log').length, tables: tables.tables, items: tables.items, findings }));
process.exit(findings.length > 0 ? 1 : 0);
