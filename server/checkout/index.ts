import 'server-only';

// Public entry of the checkout domain: placing an order, the review quote, and the tables the UI shows.
export { placeOrder } from './place-order';
export { quoteCheckout, quoteQuerySchema } from './checkout-quote';
export { FREE_SHIPPING_THRESHOLD } from './shipping-methods';
export { COUNTRIES, COUNTRY_CODES } from './regions';
