import { readFileSync } from 'node:fs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { textHasCardNumber } from '../../server/payments/card-data';
import { dynamoDoc } from '../../server/platform/aws/clients';
import { getConfig } from '../../server/platform/config';

// The proof that no card number reaches the storefront (issue 13): after a suite has run, every line of the server's
// log and every item of every table of the run's stack is searched for the sandbox test card numbers (spaced,
// dashed or bare) and for any 13–19 digit run that passes the Luhn check (server/payments/card-data.ts). A finding
// names where it is, never the number.

export const TEST_CARD_NUMBERS = [
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '4000000000000002',
  '4000000000009995',
  '4000002760003184',
  '4000000000009235',
  '4000000000004954',
];

export type Finding = { where: string; why: 'test card' | 'Luhn-valid digits' };

function check(text: string, where: string): Finding | null {
  const bare = text.replace(/[ -]/g, '');
  if (TEST_CARD_NUMBERS.some((n) => bare.includes(n))) return { where, why: 'test card' };
  return textHasCardNumber(text) ? { where, why: 'Luhn-valid digits' } : null;
}

export function scanLogText(text: string, source: string): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    const found = check(line, `${source}:${i + 1}`);
    if (found) findings.push(found);
  });
  return findings;
}

export function scanLogFile(file: string): Finding[] {
  return scanLogText(readFileSync(file, 'utf8'), file);
}

/** Every item of every table with this run's prefix (the env of the stack must be in process.env). */
export async function scanTables(): Promise<{ findings: Finding[]; tables: number; items: number }> {
  const prefix = getConfig().TABLE_PREFIX;
  const db = dynamoDoc();
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await db.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []).filter((n) => n.startsWith(prefix)));
    start = page.LastEvaluatedTableName;
  } while (start);
  const findings: Finding[] = [];
  let items = 0;
  for (const table of names) {
    let key: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: key }));
      for (const item of page.Items ?? []) {
        items++;
        const found = check(
          JSON.stringify(item),
          `${table} item ${JSON.stringify(
            Object.keys(item)
              .slice(0, 2)
              .map((k) => item[k]),
          )}`,
        );
        if (found) findings.push(found);
      }
      key = page.LastEvaluatedKey;
    } while (key);
  }
  return { findings, tables: names.length, items };
}
