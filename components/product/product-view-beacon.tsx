'use client';

import { useEffect } from 'react';
import { apiRequest } from '@/components/api/api-request';

// Reports a product view (POST /api/views) from the browser: the product page is cached HTML and cannot know who
// is looking. Once per mount; a failure is nobody's problem.
export function ProductViewBeacon({ productId }: { productId: string }) {
  useEffect(() => {
    void apiRequest('/api/views', { method: 'POST', body: { productId } }).catch(() => {});
  }, [productId]);
  return null;
}
