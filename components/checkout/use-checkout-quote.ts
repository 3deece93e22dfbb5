'use client';

import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '@/components/api/api-request';
import type { QuoteView } from './checkout-types';

type QuoteAnswer = {
  cart: { items: QuoteView['lines']; subtotal: QuoteView['subtotal'] };
  shippingOptions: QuoteView['shippingOptions'];
  totals: QuoteView['totals'];
};

/** Re-quotes on the server whenever the country, region or method changes: totals are never computed here. */
export function useCheckoutQuote(initial: QuoteView, params: { country: string; region: string; shippingMethod: string }) {
  const [quote, setQuote] = useState(initial);
  const [loading, setLoading] = useState(false);
  const first = useRef(true);
  const { country, region, shippingMethod } = params;

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    apiRequest<QuoteAnswer>(`/api/checkout/quote?${new URLSearchParams({ country, region, shippingMethod })}`, { signal: controller.signal })
      .then((res) => {
        if (res.ok) setQuote({ lines: res.data.cart.items, subtotal: res.data.cart.subtotal, shippingOptions: res.data.shippingOptions, totals: res.data.totals });
        else setQuote((prev) => ({ ...prev, totals: null }));
      })
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [country, region, shippingMethod]);

  return { quote, loading };
}
