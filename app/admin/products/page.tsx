import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { staffUser } from '@/app/admin/staff-access';
import { AdminProductsTable } from '@/components/admin/products/admin-products-table';
import { ProductSearchForm } from '@/components/admin/products/product-search-form';
import styles from '@/components/admin/products/products-admin.module.css';
import { adminProductQuerySchema, searchAdminProducts } from '@/server/catalog';
import { MARKETERS_GROUP } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';

// /admin/products: the whole catalog, published or not, searched by name, slug, brand or category (marketers).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Products', robots: { index: false, follow: false } };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProductsPage({ searchParams }: Props) {
  const { user, denied } = await staffUser(MARKETERS_GROUP, '/admin/products', 'product editing');
  if (denied) return denied;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
  const parsed = adminProductQuerySchema.safeParse({ ...raw, limit: String(PAGE_SIZE) });
  const query = parsed.success ? parsed.data : adminProductQuerySchema.parse({ limit: String(PAGE_SIZE) });
  const filters: Record<string, string> = query.q ? { q: query.q } : {};
  let page: Awaited<ReturnType<typeof searchAdminProducts>>;
  try {
    page = await searchAdminProducts(user, query);
  } catch (err) {
    if (isAppError(err) && err.code === 'INVALID_CURSOR') redirect(`/admin/products?${new URLSearchParams(filters)}`);
    throw err;
  }
  return (
    <>
      <h1>Products</h1>
      <p>Edit prices, stock, publication and featured rank. Every change is recorded in the product’s history and reaches shoppers within 10 seconds.</p>
      <ProductSearchForm q={query.q} />
      {page.items.length === 0 ? <p>{query.q ? 'No products match this search.' : 'No products yet.'}</p> : <AdminProductsTable products={page.items} />}
      <nav className={styles.pager} aria-label="Product pages">
        {query.cursor ? <Link href={`/admin/products?${new URLSearchParams(filters)}`}>First page</Link> : <span />}
        {page.nextCursor ? <Link href={`/admin/products?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
