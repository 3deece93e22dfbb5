import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeCatalogCsv } from '../../server/catalog/import';
import { DEFAULT_DEMO_AS_OF, DEFAULT_DEMO_COUNT, DEFAULT_DEMO_SEED, demoCatalogJson, generateDemoCatalog } from './demo-catalog';

// npm run catalog:generate -- [out.json|out.csv] [--seed s] [--count n] [--as-of iso]
// Writes the demo catalog in the import format (CSV when the file name ends in .csv), or JSON to stdout.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: DEFAULT_DEMO_SEED },
    count: { type: 'string', default: String(DEFAULT_DEMO_COUNT) },
    'as-of': { type: 'string', default: DEFAULT_DEMO_AS_OF },
  },
});

const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--count must be a positive integer, got ${values.count}`);
  process.exit(2);
}

const rows = generateDemoCatalog({ seed: values.seed, count, asOf: values['as-of'] });
const out = positionals[0];
const text = out?.toLowerCase().endsWith('.csv') ? writeCatalogCsv(rows) : demoCatalogJson(rows);
if (out) {
  writeFileSync(out, text);
  const variants = rows.reduce((n, row) => n + row.variants.length, 0);
  console.error(`Wrote ${rows.length} products (${variants} variants) to ${out} (seed "${values.seed}").`);
} else {
  process.stdout.write(text);
}
