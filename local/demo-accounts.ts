// The local user pool's fixed names and demo accounts (docs: docs/api.md). Local stack only:
// these passwords exist nowhere but in cognito-local's data folder.

export const LOCAL_POOL_NAME = 'storefront-local';
export const LOCAL_CLIENT_NAME = 'storefront-web';
export const MARKETERS_GROUP = 'marketers';
export const OPERATIONS_GROUP = 'operations';
/** Every group the local pool has; provisioning creates each one. */
export const LOCAL_GROUPS = [MARKETERS_GROUP, OPERATIONS_GROUP] as const;

export type DemoAccount = { email: string; password: string; name: string; groups: readonly string[] };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'shopper@example.com', password: 'Shopper-pass-1', name: 'Sam Shopper', groups: [] },
  { email: 'marketer@example.com', password: 'Marketer-pass-1', name: 'Morgan Marketer', groups: [MARKETERS_GROUP] },
  { email: 'ops@example.com', password: 'Operations-pass-1', name: 'Olive Operations', groups: [OPERATIONS_GROUP] },
];
