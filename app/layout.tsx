import type { Metadata, Viewport } from 'next';
import { AssistantWidget } from '@/components/assistant/assistant-widget';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { listCategories } from '@/server/catalog';
import { getConfig } from '@/server/config';
import './globals.css';

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
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader categories={categories} />
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <SiteFooter />
        <AssistantWidget />
      </body>
    </html>
  );
}
