import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShopPagePath, SHOP_PAGE_ROUTES } from './page-routes';

// The page beacon's allow-list (issue 30 L7) against the app's own pages, so a new page is not silently refused.
function appPageRoutes(dir = path.join(process.cwd(), 'app'), prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'page.tsx') routes.push(prefix || '/');
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('@')) continue;
    // Route groups add no segment; [param] is a dynamic segment.
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name.replace(/^\[(\w+)\]$/, ':$1')}`;
    routes.push(...appPageRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
  }
  return routes;
}

describe('the shop pages the page beacon accepts (issue 30 L7)', () => {
  it('are exactly the app pages outside the back office and the Markdown twins', () => {
    const pages = appPageRoutes().filter((route) => !/^\/(admin|md)(\/|$)/.test(route));
    expect(pages.length).toBeGreaterThan(10);
    expect([...SHOP_PAGE_ROUTES].sort()).toEqual([...new Set(pages)].sort());
  });

  it('accepts real pages, refuses invented paths, encoded slashes and markup in a segment', () => {
    for (const good of ['/', '/c/coffee', '/p/blue-mug', '/orders/ord_01J9.x', '/orders/abc/returns/label', '/carrier/track/1Z999', '/p/caf%C3%A9']) {
      expect(isShopPagePath(good), good).toBe(true);
    }
    for (const bad of ['/wp-login.php', '/c', '/c/coffee/extra', '/p/me%40example.com', '/p/a%2Fb', '/p/%3Cscript%3E', '/p/%ff', '/api/cart', '/cart/', '/x']) {
      expect(isShopPagePath(bad), bad).toBe(false);
    }
  });
});
