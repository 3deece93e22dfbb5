import 'server-only';

// Public entry of the checkout domain: placing an order, the review quote, and the tables the UI shows.
export { placeOrder, type PlaceOrderInput } from './place-order';
export type { PlaceOrderResult } from './replay-order';
export { quoteCheckout, quoteQuerySchema, type CheckoutQuote } from './checkout-quote';
export { computeTotals, type Totals } from './compute-totals';
export { FREE_SHIPPING_THRESHOLD, SHIPPING_METHODS, shippingOptions, type ShippingMethodId, type ShippingOption } from './shipping-methods';
export { COUNTRIES, COUNTRY_CODES, type CountryCode } from './regions';
export { US_STATE_TAX_BPS, COUNTRY_TAX_BPS } from './tax-rates';
export { checkoutBodySchema, type CheckoutBody } from './checkout-schema';
