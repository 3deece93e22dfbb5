import 'server-only';

export { quoteCheckout, quoteQuerySchema } from './checkout-quote';
export { shippingAddressSchema } from './checkout-schema';
// Public entry of the checkout domain: placing an order, the review quote, and the tables the UI shows.
export { guestEmailSchema } from './guest-checkout';
export { placeOrder } from './place-order';
export { COUNTRIES, COUNTRY_CODES } from './regions';
export { FREE_SHIPPING_THRESHOLD, SHIPPING_METHODS } from './shipping-methods';
