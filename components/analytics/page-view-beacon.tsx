'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { apiRequest } from '@/components/api/api-request';

// Reports each page the shopper sees (POST /api/page-views), client-side navigations included: the catalog pages
// are one cached HTML for everyone. The path only, never the query string. Staff pages are not reported. A failure
// (a refused rate, an outage) is nobody's problem.
export function PageViewBeacon() {
  const path = usePathname();
  useEffect(() => {
    if (!path || path.startsWith('/admin')) return;
    void apiRequest('/api/page-views', { method: 'POST', body: { path } }).catch(() => {});
  }, [path]);
  return null;
}
