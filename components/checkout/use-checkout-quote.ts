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

/** A quote request that failed on the way (no answer, or a 5xx): said as such, never as "enter your state". */
export const QUOTE_UNAVAILABLE = 'We could not update your total just now.';
/** One automatic retry of a failed quote, after this long; after that the shopper's "Try again". */
const RETRY_AFTER_MS = 1500;

/**
 * Re-quotes on the server whenever the country, region, ZIP code or method changes: totals are never computed
 * here. `replace` shows a quote the server sent some other way (CART_CHANGED). A request that fails on the way
 * (unreachable, 5xx) is tried once more by itself; if that fails too, `unavailable` says so and `retry` asks again.
 */
export function useCheckoutQuote(initial: QuoteView, params: { country: string; region: string; postalCode: string; shippingMethod: string }) {
  const [quote, setQuote] = useState(initial);
  // Field errors the quote answered with (a US state its ZIP code contradicts), by form field name.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const first = useRef(true);
  const { country, region, postalCode, shippingMethod } = params;
  // A discount code entered or removed on this page changes the totals, and "Try again" asks again: quote again.
  const [discountChanges, setDiscountChanges] = useState(0);
  const [retries, setRetries] = useState(0);
  // The request whose failure was already retried by itself: the next failure of the same request is said.
  const retriedAutomatically = useRef<string | null>(null);
  useEffect(() => {
    const onChange = () => setDiscountChanges((n) => n + 1);
    window.addEventListener(DISCOUNT_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(DISCOUNT_CHANGED_EVENT, onChange);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: discountChanges and retries are triggers: the same address is quoted again
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const request = `${new URLSearchParams({ country, region, postalCode, shippingMethod })}`;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setLoading(true);
    apiRequest<QuoteAnswer>(`/api/checkout/quote?${request}`, { signal: controller.signal })
      .then((res) => {
        if (controller.signal.aborted) return;
        const onTheWay = !res.ok && (res.status === 0 || res.status >= 500);
        if (onTheWay && retriedAutomatically.current !== `${request}#${discountChanges}`) {
          // Still loading: the one automatic retry follows.
          retriedAutomatically.current = `${request}#${discountChanges}`;
          timer = setTimeout(() => setRetries((n) => n + 1), RETRY_AFTER_MS);
          return;
        }
        setLoading(false);
        setUnavailable(onTheWay);
        if (res.ok) {
          setQuote(toQuoteView(res.data));
          setFieldErrors({});
          return;
        }
        setQuote((prev) => ({ ...prev, totals: null }));
        setFieldErrors(onTheWay ? {} : fieldErrorsFrom(res.details));
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [country, region, postalCode, shippingMethod, discountChanges, retries]);

  const retry = () => setRetries((n) => n + 1);
  return { quote, fieldErrors, loading, unavailable, retry, replace: setQuote };
}
