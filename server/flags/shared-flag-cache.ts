import { flagSettings } from './flag-settings';
import { builtInFlags } from './flag-registry';
import { createFlagCache, type FlagCache } from './flag-cache';
import { scanFlags } from './flag-store';

// The process's one flag cache. Kept on globalThis because Next bundles middleware, route handlers and pages
// separately: each bundle would otherwise hold its own snapshot, refresh DynamoDB on its own, and an admin write
// (which invalidates) would not reach middleware's copy.

const holder = globalThis as { __storefrontFlagCache?: FlagCache };

export function sharedFlagCache(): FlagCache {
  if (!holder.__storefrontFlagCache) {
    const settings = flagSettings();
    holder.__storefrontFlagCache = createFlagCache({
      load: scanFlags,
      defaults: builtInFlags,
      ttlMs: settings.FLAGS_CACHE_TTL_MS,
      budgetMs: settings.FLAGS_REFRESH_BUDGET_MS,
    });
  }
  return holder.__storefrontFlagCache;
}

export function resetSharedFlagCacheForTests(): void {
  delete holder.__storefrontFlagCache;
}
