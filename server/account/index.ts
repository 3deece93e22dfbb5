import 'server-only';

// Public entry of the account domain: what a signed-in shopper keeps with the shop beyond their Cognito login —
// marketing consent, the address book — and erasing it all when they leave (docs/privacy.md).

export {
  type ConsentingCustomer,
  type ConsentSource,
  getMarketingConsent,
  listConsentingCustomers,
  type MarketingConsent,
  setMarketingConsent,
} from './marketing-consent';
