import 'server-only';

export { quoteCheckout, quoteQuerySchema } from './checkout-quote';
// Public entry of the checkout domain: placing an order, the review quote, and the tables the UI shows.
export { placeOrder } from './place-order';
export { shippingAddressSchema } from './checkout-schema';
export { COUNTRIES, COUNTRY_CODES } from './regions';
export { FREE_SHIPPING_THRESHOLD } from './shipping-methods';
