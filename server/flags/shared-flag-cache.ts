import { dropProcessSingleton, processSingleton } from '../platform/runtime';
import { createFlagCache, type FlagCache } from './flag-cache';
import { builtInFlags } from './flag-registry';
import { flagSettings } from './flag-settings';
import { scanFlags } from './flag-store';

// The process's one flag cache. A process singleton because Next bundles middleware, route handlers and pages
// separately: each bundle would otherwise hold its own snapshot, refresh DynamoDB on its own, and an admin write
// (which invalidates) would not reach middleware's copy.

const KEY = 'flags:cache';

export function sharedFlagCache(): FlagCache {
  return processSingleton(KEY, () => {
    const settings = flagSettings();
    return createFlagCache({
      load: scanFlags,
      defaults: builtInFlags,
      ttlMs: settings.FLAGS_CACHE_TTL_MS,
      budgetMs: settings.FLAGS_REFRESH_BUDGET_MS,
    });
  });
}

export function resetSharedFlagCacheForTests(): void {
  dropProcessSingleton(KEY);
}
