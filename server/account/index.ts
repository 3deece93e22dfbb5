import 'server-only';

// Public entry of the account domain: what a signed-in shopper keeps with the shop beyond their Cognito login —
// marketing consent, the address book — the events and emails of the account's life, and erasing it all when they
// leave (docs/privacy.md).

export { changeAccountPassword, onSignedUp, onSignUpConfirmed } from './account-lifecycle';
export { getAccount, updateAccount } from './account-profile';
export { accountPatchBody, signUpWithConsentBody } from './account-schemas';
export { addAddress, deleteAddress, getAddress, listAddresses, updateAddress } from './address-book';
export { addressPatchBody, newAddressBody, type SavedAddress } from './address-schema';
export { analyticsConsentOf } from './analytics-consent';
export { deleteAccount } from './delete-account';
export { getMarketingConsent, listConsentingCustomers, setMarketingConsent } from './marketing-consent';
