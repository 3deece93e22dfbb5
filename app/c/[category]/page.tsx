import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/catalog/pager';
import { ProductGrid } from '@/components/catalog/product-grid';
import { SortForm } from '@/components/catalog/sort-form';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { categorySlugSchema, getCategory, listProducts, PRODUCT_SORTS, type ProductSort } from '@/server/catalog';
import { isAppError } from '@/server/errors';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ category: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadCategory(slug: string) {
  return categorySlugSchema.safeParse(slug).success ? getCategory(slug) : null;
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

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ category }, query] = await Promise.all([params, searchParams]);
  const c = await loadCategory(category);
  if (!c) notFound();

  const sortParam = typeof query.sort === 'string' ? query.sort : 'featured';
  const sort: ProductSort = (PRODUCT_SORTS as readonly string[]).includes(sortParam) ? (sortParam as ProductSort) : 'featured';
  const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;

  let page: Awaited<ReturnType<typeof listProducts>> | null = null;
  try {
    page = await listProducts({ category: c.slug, sort, limit: 24, cursor });
  } catch (err) {
    if (!(isAppError(err) && err.code === 'INVALID_CURSOR')) throw err;
  }

  const base = `/c/${c.slug}`;
  const sortSuffix = sort === 'featured' ? '' : `sort=${sort}`;
  return (
    <>
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, { name: c.name }]} />
      <div className="toolbar">
        <div>
          <h1>{c.name}</h1>
          <p className="rating">{c.productCount} products</p>
        </div>
        <SortForm action={base} sorts={PRODUCT_SORTS} current={sort} />
      </div>
      {page ? (
        <>
          <h2 className="visually-hidden">Products</h2>
          <ProductGrid products={page.items} label={`${c.name} products`} priorityCount={cursor ? 0 : 2} />
          <Pager
            firstHref={cursor ? `${base}${sortSuffix ? `?${sortSuffix}` : ''}` : undefined}
            nextHref={page.nextCursor ? `${base}?${sortSuffix ? `${sortSuffix}&` : ''}cursor=${encodeURIComponent(page.nextCursor)}` : undefined}
          />
        </>
      ) : (
        <p className="notice">
          This page link is no longer valid. <a href={base}>Start from the first page</a>.
        </p>
      )}
    </>
  );
}
