import { getConfig } from '.';

// The origin the checkout page's card fields post to (its CSP connect-src allows exactly this). Its own module,
// free of 'server-only', because the plain-Node serving layer (local/next-server.ts → server/platform/http) loads the CSP
// builder outside Next's react-server resolution; everything else reaches it through server/payments' index.
export function paymentFieldsOrigin(): string {
  const config = getConfig();
  return config.PAYMENT_PROVIDER === 'stripe' ? 'https://api.stripe.com' : new URL(config.PAYMENTS_SANDBOX_URL).origin;
}
