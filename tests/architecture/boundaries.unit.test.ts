import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The house plan's walls (.dependency-cruiser.cjs) on a small tree planted with one break of each rule: each rule
// must name its break, and the same tree without the breaks must pass. `npm run lint` runs the rules on the real tree.

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as IConfiguration;

const CLEAN: Record<string, string> = {
  'server/platform/money/index.ts': 'export const cents = 1;\n',
  'server/catalog/contract.ts': "import { cents } from '../platform/money';\nexport type Product = { price: number };\nexport const unit = cents;\n",
  'server/catalog/index.ts': "export { unit } from './contract';\nexport { findProduct } from './find-product';\n",
  'server/catalog/find-product.ts': 'export function findProduct() { return null; }\n',
  'server/cart/index.ts': "import { findProduct } from '../catalog';\nexport const cart = () => findProduct();\n",
  'app/page.tsx':
    "import { cart } from '../server/cart';\nimport type { Product } from '../server/catalog/contract';\nexport const page = (p: Product) => [cart, p];\n",
  'components/card.tsx': "import { unit } from '../server/catalog/contract';\nexport const card = unit;\n",
};

const BROKEN: Record<string, string> = {
  ...CLEAN,
  // a page past a domain's doors
  'app/checkout.tsx': "import { findProduct } from '../server/catalog/find-product';\nexport const page = findProduct;\n",
  // a domain past another's doors
  'server/cart/price.ts': "import { findProduct } from '../catalog/find-product';\nexport const price = findProduct;\n",
  // plumbing that knows a domain
  'server/platform/money/format.ts': "import { cart } from '../../cart';\nexport const format = cart;\n",
  // a cycle between two folders (catalog -> cart -> catalog)
  'server/catalog/related.ts': "import { cart } from '../cart';\nexport const related = cart;\n",
  // UI importing a back end's SDK
  'components/bad.tsx': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const bad = DynamoDBClient;\n",
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function cruiseTree(files: Record<string, string>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  // The SDK resolves from this repository's node_modules, as it would in the real tree.
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  const { tsConfig: _ignored, ...options } = config.options ?? {};
  const result = await cruise(['app', 'components', 'server'], { ...options, ruleSet: { forbidden: config.forbidden }, baseDir: dir, validate: true });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('the house plan', () => {
  it('passes a tree that keeps to the doors', async () => {
    expect(await cruiseTree(CLEAN)).toEqual([]);
  });

  it('names each planted break by its rule', async () => {
    const violations = await cruiseTree(BROKEN);
    expect(violations).toEqual(
      expect.arrayContaining([
        'pages-enter-domains-by-their-doors: app/checkout.tsx -> server/catalog/find-product.ts',
        'domains-meet-at-their-doors: server/cart/price.ts -> server/catalog/find-product.ts',
        'platform-imports-no-domain: server/platform/money/format.ts -> server/cart/index.ts',
        expect.stringMatching(/^no-folder-cycles: server\/(catalog|cart) -> server\/(cart|catalog)$/),
        expect.stringMatching(/^components-stay-off-the-back-ends: components\/bad\.tsx -> .*@aws-sdk\/client-dynamodb/),
      ]),
    );
  });
});
