import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Rating } from '@/components/catalog/rating';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { Gallery } from '@/components/product/gallery';
import { galleryPlan } from '@/components/product/gallery-sets';
import { ProductPurchase } from '@/components/product/product-purchase';
import { ProductViewBeacon } from '@/components/product/product-view-beacon';
import { RecentlyViewed } from '@/components/recently-viewed/recently-viewed';
import { RecommendationsSection } from '@/components/recommendations/recommendations-section';
import { ProductReviews } from '@/components/reviews/product-reviews';
import { WriteReview } from '@/components/reviews/write-review';
import { WishlistHeart } from '@/components/wishlist/wishlist-heart';
import { getCategory, getProductBySlug, productJsonLd, productSlugSchema } from '@/server/catalog';
import { listProductReviews } from '@/server/reviews';
import { writeReview } from './review-actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return productSlugSchema.safeParse(slug).success ? getProductBySlug(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await load((await params).slug);
  if (!product) return { title: 'Product not found' };
  return {
    title: product.name,
    description: product.description.slice(0, 160),
    alternates: { canonical: `/p/${product.slug}` },
    openGraph: { title: product.name, images: product.images.slice(0, 1) },
  };
}

export default async function ProductPage({ params }: Props) {
  const product = await load((await params).slug);
  if (!product) notFound();
  // The same HTML for every shopper (server/platform/http/catalog-pages.ts): the view is reported by an island.
  // Approved reviews are the same for every shopper, so they belong in the shared page (and its JSON-LD).
  const [category, reviews] = await Promise.all([getCategory(product.category), listProductReviews(product.slug, { sort: 'newest', limit: 5 })]);
  // One picture set per colour; the picker's colour swatches show theirs through CSS, before hydration too.
  const gallery = galleryPlan(product);

  return (
    <>
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, ...(category ? [{ name: category.name, href: `/c/${category.slug}` }] : []), { name: product.name }]} />
      <div className="product">
        <Gallery plan={gallery} name={product.name} />
        <div>
          <h1>{product.name}</h1>
          <WishlistHeart productId={product.id} productName={product.name} />
          <p>
            by {product.brand} · <Rating value={reviews.summary.average} count={reviews.summary.count} />
          </p>
          <ProductPurchase variants={product.variants} productId={product.id} productName={product.name} />
          <h2>About this product</h2>
          <p>{product.description}</p>
        </div>
      </div>
      <section aria-labelledby="reviews-heading" className="product-reviews">
        <h2 id="reviews-heading">Reviews</h2>
        <ProductReviews slug={product.slug} initial={reviews} />
        <WriteReview slug={product.slug} action={writeReview.bind(null, product.slug)} />
      </section>
      <RecommendationsSection productId={product.id} title="Customers also bought" />
      <RecentlyViewed excludeProductId={product.id} />
      <ProductViewBeacon productId={product.id} />
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be inline; productJsonLd escapes '<' (unit-tested), so product text cannot close the script tag
        dangerouslySetInnerHTML={{ __html: productJsonLd(product, category?.name, reviews) }}
      />
    </>
  );
}
