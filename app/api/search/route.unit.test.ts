import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/server/platform/errors';
import type { SearchParams, SearchResult } from '@/server/search';

// The route only parses and maps; the search itself is replaced so these tests need no index or table.
const searchProducts = vi.fn<(params: SearchParams) => Promise<SearchResult>>();
vi.mock('@/server/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/search')>()),
  searchProducts: (params: SearchParams) => searchProducts(params),
}));

const { GET } = await import('./route');

const emptyResult: SearchResult = {
  items: [],
  total: 0,
  facets: { category: [], price: [], rating: [], inStock: { count: 0 } },
  nextCursor: null,
};

async function get(query: string): Promise<{ status: number; body: unknown }> {
  const res = await GET(new Request(`http://localhost/api/search${query}`), undefined);
  return { status: res.status, body: await res.json() };
}

beforeEach(() => {
  searchProducts.mockReset();
  searchProducts.mockResolvedValue(emptyResult);
});

describe('GET /api/search', () => {
  it('passes parsed, typed parameters to the search', async () => {
    const res = await get('?q=red%20shoes&category=shoes&minPrice=1000&maxPrice=5000&minRating=3.5&inStock=1&sort=price-asc&limit=10');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(emptyResult);
    expect(searchProducts).toHaveBeenCalledWith({
      q: 'red shoes',
      category: 'shoes',
      minPrice: 1000,
      maxPrice: 5000,
      minRating: 3.5,
      inStock: true,
      sort: 'price-asc',
      limit: 10,
    });
  });

  it('defaults to relevance, 24 per page, and browsing when q is absent', async () => {
    await get('');
    expect(searchProducts).toHaveBeenCalledWith({ q: '', sort: 'relevance', limit: 24 });
  });

  it('reads inStock=false and 0 as false (no stock filter)', async () => {
    await get('?inStock=false');
    expect(searchProducts).toHaveBeenLastCalledWith(expect.objectContaining({ inStock: false }));
    await get('?inStock=0');
    expect(searchProducts).toHaveBeenLastCalledWith(expect.objectContaining({ inStock: false }));
  });

  it.each([
    ['?q=shoe&minPrice=-1'],
    ['?q=shoe&minPrice=12.5'],
    ['?q=shoe&maxPrice=abc'],
    ['?q=shoe&minPrice=5000&maxPrice=100'],
    ['?q=shoe&sort=nope'],
    ['?q=shoe&limit=0'],
    ['?q=shoe&limit=101'],
    ['?q=shoe&inStock=yes'],
    ['?q=shoe&minRating=6'],
    ['?q=shoe&category=NOT%20A%20SLUG'],
    [`?q=${'x'.repeat(201)}`],
  ])('answers 400 with the error shape for %s', async (query) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.any(String) }) });
    expect(searchProducts).not.toHaveBeenCalled();
  });

  it('maps a malformed cursor from the search to 400 INVALID_CURSOR', async () => {
    searchProducts.mockRejectedValue(new AppError('INVALID_CURSOR', 'The cursor is not valid.'));
    const res = await get('?q=shoe&cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'INVALID_CURSOR', message: 'The cursor is not valid.' } });
  });

  it('maps an unreadable index to 503, not 500', async () => {
    searchProducts.mockRejectedValue(new AppError('UNAVAILABLE', 'Search is not available right now.'));
    expect((await get('?q=shoe')).status).toBe(503);
  });
});
