import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductEditForm } from '@/components/admin/products/product-edit-form';
import { ProductHistory } from '@/components/admin/products/product-history';
import { getAdminProduct, initialFormState, productHistory } from '@/server/catalog';
import { isAppError } from '@/server/errors';
import { marketerUser } from '../marketer-access';
import { saveProductForm } from './actions';

// /admin/products/[id]: one product's editable fields and its change history (marketers).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit product', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function AdminProductPage({ params }: Props) {
  const { id } = await params;
  const { user, denied } = await marketerUser(`/admin/products/${encodeURIComponent(id)}`);
  if (denied) return denied;
  const loaded = await Promise.all([getAdminProduct(user, id), productHistory(user, id, { limit: 50 })]).catch((err: unknown) => {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED')) notFound();
    throw err;
  });
  const [product, history] = loaded;
  return (
    <>
      <p>
        <Link href="/admin/products">← All products</Link>
      </p>
      <h1>{product.name}</h1>
      <p>
        {product.published ? (
          <>
            Published at <Link href={`/p/${product.slug}`}>/p/{product.slug}</Link>.
          </>
        ) : (
          'Unpublished: shoppers cannot see or buy it.'
        )}{' '}
        Category {product.category}, brand {product.brand}.
      </p>
      <ProductEditForm initial={initialFormState(product)} action={saveProductForm} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ProductHistory entries={history.entries} productName={product.name} />
      </section>
    </>
  );
}
