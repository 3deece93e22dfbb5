import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// ADR 0033: products are written with `listAll = listAllKey(id)` (`ALL#<n>`). A writer that spells the value out as
// the old constant 'ALL' puts its product in the unsharded partition, which readers query only until every deployment
// has been resharded: once that partition is dropped from listAllPartitions, such a product vanishes from every
// whole-catalog listing. The files below write 'ALL' on purpose.

const ROOTS = ['server', 'app', 'components', 'local', 'bench', 'tests', 'e2e', 'scripts'];
const ON_PURPOSE: Record<string, string> = {
  'server/catalog/product-repository.int.test.ts': 'a product written before the shards is still listed',
  'local/reshard/reshard-listings.int.test.ts': 'the backfill moves a product written before the shards',
  'bench/capacity.ts': "the bench also runs on code bases before the shards, where 'ALL' is the key",
  'tests/architecture/sharded-listing-keys.unit.test.ts': "this test's own example of the spelling",
};

function files(entry: string, out: string[] = []): string[] {
  for (const dirent of readdirSync(entry, { withFileTypes: true })) {
    const full = path.join(entry, dirent.name);
    if (dirent.isDirectory()) {
      if (dirent.name !== 'node_modules') files(full, out);
    } else if (/\.(ts|tsx|mjs)$/.test(dirent.name)) out.push(full);
  }
  return out;
}

const BARE_ALL = /listAll['"]?\s*:\s*['"]ALL['"]/;

describe('sharded listing keys', () => {
  it("no writer spells a product's listAll as the unsharded 'ALL' (use listAllKey)", () => {
    const offenders = ROOTS.flatMap((root) => files(root)).filter((f) => !(f in ON_PURPOSE) && BARE_ALL.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('finds the spelling it looks for, and every file allowed to use it still does', () => {
    expect(BARE_ALL.test("{ id, listAll: 'ALL', tags }")).toBe(true);
    expect(BARE_ALL.test('{ id, listAll: listAllKey(id) }')).toBe(false);
    for (const file of Object.keys(ON_PURPOSE)) expect(BARE_ALL.test(readFileSync(file, 'utf8')), file).toBe(true);
  });
});
