import type { Page } from '@playwright/test';

// Shared by the catalog, search and imagery specs: the "N products" status every listing page (a category, /search)
// announces, and the number in it.

export function productCountStatus(page: Page) {
  const status = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /products?$/ });
  const count = async () => Number((await status.textContent())!.replace(/[^0-9]/g, ''));
  return { status, count };
}
