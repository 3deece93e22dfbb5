import { AppError } from '../platform/errors';
import type { Flag } from './contract';
import { builtInFlag, flagDefinition } from './flag-registry';
import { getStoredFlag, scanFlags } from './flag-store';

// The flag as the admin sees it, read live (never through the cache): the stored item, or the built-in default as
// version 0 when it was never written. Unknown keys are 404.

export async function currentFlag(key: string): Promise<Flag> {
  const stored = await getStoredFlag(key);
  if (stored) return stored;
  const def = flagDefinition(key);
  if (!def) throw new AppError('NOT_FOUND', `There is no flag "${key}".`);
  return builtInFlag(def);
}

/** Every flag, stored or built-in, sorted by key. */
export async function allCurrentFlags(builtIns: readonly Flag[]): Promise<Flag[]> {
  const byKey = new Map<string, Flag>();
  for (const flag of builtIns) byKey.set(flag.key, flag);
  for (const flag of await scanFlags()) byKey.set(flag.key, flag);
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
