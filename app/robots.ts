import type { MetadataRoute } from 'next';
import { siteUrl } from '@/server/platform/site';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/cart', '/checkout', '/orders', '/admin', '/sign-in', '/sign-up', '/forgot-password'] }],
    sitemap: siteUrl('/sitemap.xml'),
  };
}
