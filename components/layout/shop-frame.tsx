'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

// The shop's frame (header, category bar, footer, assistant, beacons) around every page but the back office, which
// draws its own (app/admin/layout.tsx). A path check rather than a route group: moving every shop page under
// app/(shop)/ would leave the root not-found and error pages without the shop's header (ADR 0019).
export function ShopFrame({ header, footer, extras, children }: { header: ReactNode; footer: ReactNode; extras: ReactNode; children: ReactNode }) {
  const path = usePathname();
  if (path === '/admin' || path.startsWith('/admin/')) return children;
  return (
    <>
      {header}
      <main id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      {footer}
      {extras}
    </>
  );
}
