import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActiveFilters, CategoryFilters } from '@/components/catalog/category-filters';
import { categoryHref } from '@/components/catalog/category-url';
import { NumberedPager } from '@/components/catalog/numbered-pager';
import { ProductGrid } from '@/components/catalog/product-grid';
import { SortForm } from '@/components/catalog/sort-form';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { categorySlugSchema, getCategory } from '@/server/catalog';
import { CATEGORY_PAGE_SORTS, categoryPageQuerySchema, categoryPageSearch, searchProducts } from '@/server/search';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 24;

type Props = { params: Promise<{ category: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadCategory(slug: string) {
  return categorySlugSchema.safeParse(slug).success ? getCategory(slug) : null;
}

const LISTS: ReadonlySet<string> = new Set(['brand', 'size', 'colour']);

function first(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params;
  const c = await loadCategory(category);
  if (!c) return { title: 'Category not found' };
  return {
    title: c.name,
    description: c.description || `Shop ${c.productCount} products in ${c.name}.`,
    alternates: { canonical: `/c/${c.slug}` },
  };
}

// Filters, counts and pages come from the search domain (the same facet code as /search, ADR 0025); every choice is
// in the URL, so this stays one cached HTML per URL for every shopper.
export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ category }, query] = await Promise.all([params, searchParams]);
  const c = await loadCategory(category);
  if (!c) notFound();

  // Brand, size and colour are lists (one parameter per ticked box); every other parameter counts once.
  const state = categoryPageQuerySchema.parse(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, LISTS.has(k) ? v : first(v)])));
  const result = await searchProducts(categoryPageSearch(c.slug, state, PAGE_SIZE));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const base = `/c/${c.slug}`;

  return (
    <>
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, { name: c.name }]} />
      <div className="toolbar">
        <div>
          <h1>{c.name}</h1>
          <p className="rating" role="status">
            {result.total.toLocaleString('en-US')} {result.total === 1 ? 'product' : 'products'}
          </p>
        </div>
        <SortForm
          action={base}
          sorts={CATEGORY_PAGE_SORTS}
          current={state.sort}
          keep={{
            price: state.price,
            minRating: state.minRating?.toString(),
            inStock: state.inStock ? 'true' : undefined,
            brand: state.brand,
            size: state.size,
            colour: state.colour,
          }}
        />
      </div>
      <div className="search-layout">
        <CategoryFilters action={base} facets={result.facets} state={state} />
        <div>
          <ActiveFilters base={base} facets={result.facets} state={state} />
          {result.items.length > 0 ? (
            <>
              <h2 className="visually-hidden">Products</h2>
              <ProductGrid products={result.items} label={`${c.name} products`} priorityCount={state.page > 1 ? 0 : 2} />
              <NumberedPager page={state.page} pages={pages} href={(n) => categoryHref(base, state, { page: n })} />
            </>
          ) : result.total > 0 ? (
            <p className="notice">
              There is no page {state.page}: this list has {pages} {pages === 1 ? 'page' : 'pages'}.{' '}
              <a href={categoryHref(base, state, { page: 1 })}>Go to page 1</a>.
            </p>
          ) : (
            <p className="notice">
              No products match these filters. <a href={categoryHref(base, { sort: state.sort, page: 1 })}>Clear all filters</a>.
            </p>
          )}
        </div>
      </div>
    </>
  );
}
