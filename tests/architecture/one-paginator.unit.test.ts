import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// One way to read past a DynamoDB page (ADR 0016): server/platform/db/paginate.ts, the one loop.
// A hand-written loop carries the page key in a variable it reassigns (`start = out.LastEvaluatedKey`); a single page
// read for a list cursor (`const last = out.LastEvaluatedKey`) is not a loop and is allowed.

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const LOOP = /(?<!(?:const|let|var)\s+)\b[\w.]+\s*=\s*[\w.]+\.LastEvaluatedKey\b/;

describe('the one paginator', () => {
  it('is the only place outside tests that carries a LastEvaluatedKey from page to page', () => {
    const offenders = ['server', 'local', 'app']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => file !== path.join('server', 'platform', 'db', 'paginate.ts') && LOOP.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises a hand-written loop and lets a single page through', () => {
    expect(LOOP.test('    start = page.LastEvaluatedKey;')).toBe(true);
    expect(LOOP.test('    exclusiveStartKey = out.LastEvaluatedKey as Record<string, string>;')).toBe(true);
    expect(LOOP.test('  const last = out.LastEvaluatedKey;')).toBe(false);
  });
});
