import Image from 'next/image';
import Link from 'next/link';
import heartStyles from '@/components/wishlist/wishlist.module.css';
import { WishlistHeart } from '@/components/wishlist/wishlist-heart';
import type { ProductSummary } from '@/server/catalog/types';
import { Price } from './price';
import { Rating } from './rating';

export function ProductCard({ product, priority = false, badge }: { product: ProductSummary; priority?: boolean; badge?: string }) {
  return (
    <article className="product-card">
      {/* No prefetch: a grid would render up to 24 dynamic product pages on the server per view. */}
      <Link href={`/p/${product.slug}`} prefetch={false}>
        <Image src={product.image} alt="" width={400} height={400} sizes="(min-width: 1200px) 200px, (min-width: 600px) 30vw, 45vw" priority={priority} />
        <div className="product-card__body">
          <h3 className="product-card__name">{product.name}</h3>
          <Price value={product.price} />
          <Rating value={product.rating} />
          {badge ? <small>{badge}</small> : null}
        </div>
      </Link>
      {/* Outside the link: a button inside an <a> is not allowed, and the heart is its own keyboard stop. */}
      <div className={heartStyles.cardHeart}>
        <WishlistHeart productId={product.id} productName={product.name} />
      </div>
    </article>
  );
}
