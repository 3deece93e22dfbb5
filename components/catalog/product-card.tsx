import { IntentLink } from '@/components/layout/intent-link';
import heartStyles from '@/components/wishlist/wishlist.module.css';
import { WishlistHeart } from '@/components/wishlist/wishlist-heart';
import type { ProductSummary } from '@/server/catalog/contract';
import { Price } from './price';
import { Rating } from './rating';
import { StaticImage } from './static-image';

export function ProductCard({ product, priority = false, badge }: { product: ProductSummary; priority?: boolean; badge?: string }) {
  return (
    <article className="product-card">
      {/* Prefetched on intent only: on sight, a grid would render up to 24 product pages on the server per view. */}
      <IntentLink href={`/p/${product.slug}`}>
        <StaticImage
          src={product.image}
          alt=""
          width={400}
          height={400}
          sizes="(min-width: 1200px) 200px, (min-width: 600px) 30vw, 45vw"
          // The first row's images are the page's largest paint: fetched first, not lazily (Next 16 deprecates
          // `priority`; its docs advise these two over a <link rel=preload>).
          {...(priority ? { loading: 'eager', fetchPriority: 'high' } : {})}
        />
        <div className="product-card__body">
          <h3 className="product-card__name">{product.name}</h3>
          <Price value={product.price} />
          <Rating value={product.rating} count={product.reviewCount} />
          {badge ? <small>{badge}</small> : null}
        </div>
      </IntentLink>
      {/* Outside the link: a button inside an <a> is not allowed, and the heart is its own keyboard stop. */}
      <div className={heartStyles.cardHeart}>
        <WishlistHeart productId={product.id} productName={product.name} />
      </div>
    </article>
  );
}
