import { cacheLife, cacheTag } from 'next/cache';
import { type CacheProfile, cacheProfiles } from './tags';

// Inside a 'use cache' function: its lifetime and tags in one call, both from the registry (tags.ts), like Saleor's
// applyCacheProfile(profile, id). Not re-exported from index.ts: the stream consumers and Lambdas that import the
// cache domain's entry need no next/cache. Calling it twice (a slug read, then its product) keeps the shortest life.
export function applyCacheProfile<P extends CacheProfile>(profile: P, ...args: Parameters<(typeof cacheProfiles)[P]['tags']>): void {
  const { life, tags } = cacheProfiles[profile];
  cacheLife(life);
  cacheTag(...(tags as (...a: typeof args) => string[])(...args));
}
