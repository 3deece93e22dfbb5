import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { staffUser } from '@/app/admin/staff-access';
import { ProductContentForm } from '@/components/admin/products/product-content-form';
import { ProductEditForm } from '@/components/admin/products/product-edit-form';
import { ProductHistory } from '@/components/admin/products/product-history';
import { getAdminProduct, productHistory } from '@/server/catalog';
import { MARKETERS_GROUP } from '@/server/identity';
import { isAppError } from '@/server/platform/errors';
import { saveProductForm } from './actions';
import { initialFormState } from './product-form';

// /admin/products/[id]: one product's editable fields and its change history (marketers).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Edit product', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function AdminProductPage({ params }: Props) {
  const { id } = await params;
  const { user, denied } = await staffUser(MARKETERS_GROUP, `/admin/products/${encodeURIComponent(id)}`, 'product editing');
  if (denied) return denied;
  const loaded = await Promise.all([getAdminProduct(user, id), productHistory(user, id, { limit: 50 })]).catch((err: unknown) => {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED')) notFound();
    throw err;
  });
  const [product, history] = loaded;
  // The history names variants as shoppers pick them ("Orange / M"), not by id.
  const variantLabels = new Map(product.variants.map((v) => [v.id, Object.values(v.options).join(' / ') || v.id]));
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
      <ProductContentForm productId={product.id} version={product.version} name={product.name} description={product.description} images={product.images} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ProductHistory entries={history.entries} productName={product.name} variantLabels={variantLabels} />
      </section>
    </>
  );
}
