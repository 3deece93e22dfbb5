import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const next = vi.hoisted(() => ({ cacheLife: vi.fn(), cacheTag: vi.fn() }));
vi.mock('next/cache', () => next);

const { applyCacheProfile } = await import('./cache-profile');

// Issue 11.4: cache tag and lifetime are set in one call from the registry (tags.ts), and nothing else in the tree
// tags, times or expires a cache entry by hand.

const SKIP_DIRS = new Set(['node_modules', '.next', '.open-next', '.sst', '.git', '.local-data', 'test-results', 'playwright-report']);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.next')) sourceFiles(path.join(dir, entry.name), out);
    } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

describe('the cache registry', () => {
  it('applyCacheProfile sets the lifetime and the tags of a profile in one call', () => {
    applyCacheProfile('productBySlug', 'red-shoe');
    expect(next.cacheLife).toHaveBeenCalledWith({ stale: 60, revalidate: 300, expire: 3600 });
    expect(next.cacheTag).toHaveBeenCalledWith('catalog', 'product-slug:red-shoe');
    applyCacheProfile('productPage', undefined);
    expect(next.cacheTag).toHaveBeenLastCalledWith('catalog', 'catalog:listings');
  });

  it('is the only place outside tests that calls cacheTag, cacheLife or expires a tag through Next', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('.')) {
      const rel = path.relative('.', file);
      if (rel.startsWith(`server${path.sep}platform${path.sep}cache${path.sep}`)) continue;
      const text = readFileSync(file, 'utf8');
      if (
        /\b(cacheTag|cacheLife|revalidateTag|updateTag)\s*\(/.test(text) ||
        /import\s*\{[^}]*\b(cacheTag|cacheLife|revalidateTag|updateTag)\b[^}]*\}\s*from\s*'next\/cache'/.test(text)
      ) {
        offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});
