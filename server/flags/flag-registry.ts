import type { Flag, FlagState } from './contract';

// Every flag the code knows about: its key, what it does (the description marketers see), its built-in default and,
// for route-level flags, the paths it gates. The defaults are what the shop runs on when DynamoDB has never
// answered, and what seedFlags() writes the first time. docs/flags.md explains how to add one.

export type FlagDefinition = {
  key: string;
  description: string;
  defaults: FlagState;
  /** Route-level flag: middleware answers 404 on these path prefixes while the flag is off for the shopper. */
  routes?: readonly string[];
};

const everyoneOn: FlagState = { enabled: true, rolloutPercent: 100, audience: { kind: 'everyone' } };

export const FLAG_DEFINITIONS = [
  {
    key: 'top-sellers',
    description: 'Top sellers row on the home page (live leaderboard of units sold).',
    defaults: everyoneOn,
  },
  {
    key: 'recommendations',
    description: '"You may also like" recommendations on product pages and the home page.',
    defaults: everyoneOn,
  },
  {
    key: 'store-locator',
    description: 'The store locator: the /stores page and its API. Off answers 404 there.',
    defaults: everyoneOn,
    routes: ['/stores', '/api/stores'],
  },
  {
    key: 'chat-assistant',
    description: 'The chat assistant widget on every page.',
    defaults: everyoneOn,
  },
  {
    key: 'free-shipping-banner',
    description: 'Banner on the cart saying how much more to spend for free standard shipping.',
    defaults: everyoneOn,
  },
] as const satisfies readonly FlagDefinition[];

export type FlagKey = (typeof FLAG_DEFINITIONS)[number]['key'];

export const FLAG_KEYS: readonly FlagKey[] = FLAG_DEFINITIONS.map((d) => d.key);

const byKey: ReadonlyMap<string, FlagDefinition> = new Map(FLAG_DEFINITIONS.map((d) => [d.key, d]));

export function flagDefinition(key: string): FlagDefinition | undefined {
  return byKey.get(key);
}

/** Who changed a flag that was never written: shown in the admin list until the first real change. */
export const BUILT_IN_ACTOR = 'built-in default';

/** The built-in flag as the API shows it: version 0 (never stored). */
export function builtInFlag(def: FlagDefinition): Flag {
  return { key: def.key, description: def.description, ...def.defaults, version: 0, updatedBy: BUILT_IN_ACTOR, updatedAt: new Date(0).toISOString() };
}

export function builtInFlags(): Flag[] {
  return FLAG_DEFINITIONS.map(builtInFlag);
}
