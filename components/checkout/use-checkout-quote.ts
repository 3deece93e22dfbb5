'use client';

import { useEffect, useRef, useState } from 'react';
import { apiRequest, fieldErrorsFrom } from '@/components/api/api-request';
import { DISCOUNT_CHANGED_EVENT } from '@/components/discounts/discount-form-state';
import type { QuoteView } from './checkout-types';

/** GET /api/checkout/quote's answer, and the `details.quote` of a 409 CART_CHANGED from POST /api/checkout. */
export type QuoteAnswer = {
  cart: { items: QuoteView['lines']; subtotal: QuoteView['subtotal']; discounts: QuoteView['discounts'] };
  shippingOptions: QuoteView['shippingOptions'];
  totals: QuoteView['totals'];
};

export const toQuoteView = (q: QuoteAnswer): QuoteView => ({
  lines: q.cart.items,
  subtotal: q.cart.subtotal,
  shippingOptions: q.shippingOptions,
  totals: q.totals,
  discounts: q.cart.discounts,
});

/**
 * Re-quotes on the server whenever the country, region, ZIP code or method changes: totals are never computed
 * here. `replace` shows a quote the server sent some other way (CART_CHANGED).
 */
export function useCheckoutQuote(initial: QuoteView, params: { country: string; region: string; postalCode: string; shippingMethod: string }) {
  const [quote, setQuote] = useState(initial);
  // Field errors the quote answered with (a US state its ZIP code contradicts), by form field name.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);
  const first = useRef(true);
  const { country, region, postalCode, shippingMethod } = params;
  // A discount code entered or removed on this page changes the totals: quote again.
  const [discountChanges, setDiscountChanges] = useState(0);
  useEffect(() => {
    const onChange = () => setDiscountChanges((n) => n + 1);
    window.addEventListener(DISCOUNT_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(DISCOUNT_CHANGED_EVENT, onChange);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: discountChanges is the trigger: a code entered or removed re-quotes the same address
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    apiRequest<QuoteAnswer>(`/api/checkout/quote?${new URLSearchParams({ country, region, postalCode, shippingMethod })}`, { signal: controller.signal })
      .then((res) => {
        if (res.ok) {
          setQuote(toQuoteView(res.data));
          setFieldErrors({});
          return;
        }
        setQuote((prev) => ({ ...prev, totals: null }));
        setFieldErrors(fieldErrorsFrom(res.details));
      })
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [country, region, postalCode, shippingMethod, discountChanges]);

  return { quote, fieldErrors, loading, replace: setQuote };
}
