'use client';

import Link from 'next/link';
import { type ComponentProps, useState } from 'react';

// A Link that prefetches when the shopper shows intent (pointer over it, keyboard focus on it, a finger on it), not
// when it scrolls into view. A catalog page shows 30-odd links (header, categories, cards, footer); prefetching all
// of them on sight cost one origin render each per page view — per-shopper pages like /cart and /orders can never
// come from the CDN — and that work, landing while the page hydrates, was most of its Lighthouse blocking time
// (docs/adr/0015-links-prefetch-on-intent.md). Before intent it is a plain link; after, Next's default prefetch.

type Props = Omit<ComponentProps<typeof Link>, 'prefetch'>;

export function IntentLink({ onPointerEnter, onFocus, onTouchStart, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(e) => {
        setIntent(true);
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
