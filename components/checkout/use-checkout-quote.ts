'use client';

import { useEffect, useRef, useState } from 'react';
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
    fetch(`/api/checkout/quote?${new URLSearchParams({ country, region, shippingMethod })}`, { signal: controller.signal, cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<QuoteAnswer>) : null))
      .then((q) => {
        if (q) setQuote({ lines: q.cart.items, subtotal: q.cart.subtotal, shippingOptions: q.shippingOptions, totals: q.totals });
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
