import type { Metadata, Viewport } from 'next';
import { PageViewBeacon } from '@/components/analytics/page-view-beacon';
import { VitalsReporter } from '@/components/analytics/vitals-reporter';
import { ShopFrame } from '@/components/layout/shop-frame';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ShopperProvider } from '@/components/shopper/shopper-context';
import { listCategories } from '@/server/catalog';
import { getConfig } from '@/server/platform/config';
import './globals.css';

// Rendered per request at the origin (builds have no catalog to prerender from); what is per shopper on the catalog
// pages is an island under ShopperProvider, so their HTML is the same for everyone and a CDN keeps it (ADR 0003).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(getConfig().SITE_URL),
    title: { default: 'Trail & Table', template: '%s · Trail & Table' },
    description: 'Outdoor gear, books, coffee and kitchen goods, shipped fast.',
    openGraph: { siteName: 'Trail & Table', type: 'website' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5d4b' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const categories = await listCategories();
  return (
    <html lang="en">
      <body>
        <ShopperProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <ShopFrame
            header={<SiteHeader categories={categories} />}
            footer={<SiteFooter />}
            extras={
              <>
                <PageViewBeacon />
                <VitalsReporter />
              </>
            }
          >
            {children}
          </ShopFrame>
        </ShopperProvider>
      </body>
    </html>
  );
}
