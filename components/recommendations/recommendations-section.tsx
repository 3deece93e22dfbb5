import { Suspense } from 'react';
import { ProductGrid } from '@/components/catalog/product-grid';
import { isEnabled } from '@/server/flags';
import { getSessionUser } from '@/server/identity';
import { type Recommendations, recommendForProduct, recommendForUser } from '@/server/recommendations';

// A recommendations row that streams in after the page: never blocks it (Personalize is budgeted in the domain,
// the local engine behind it reads DynamoDB) and never fails it (an error renders nothing).

type Props = { productId?: string; title: string };

async function load(productId: string | undefined): Promise<Recommendations | null> {
  try {
    if (!(await isEnabled('recommendations'))) return null;
    if (productId) return await recommendForProduct(productId);
    const user = await getSessionUser();
    return user ? await recommendForUser(user.id) : null;
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', component: 'recommendations', msg: 'recommendations row skipped', err: String(err) }));
    return null;
  }
}

async function Row({ productId, title }: Props) {
  const recs = await load(productId);
  if (!recs || recs.items.length === 0) return null;
  const id = productId ? 'also-bought-title' : 'for-you-title';
  return (
    <section className="section" aria-labelledby={id} data-source={recs.source}>
      <h2 id={id}>{title}</h2>
      <ProductGrid products={recs.items} label={title} />
    </section>
  );
}

export function RecommendationsSection(props: Props) {
  return (
    <Suspense fallback={null}>
      <Row {...props} />
    </Suspense>
  );
}
