// Process-wide singletons. Next bundles route handlers, middleware and instrumentation separately, so a module-level
// `let` exists once per bundle; a value that must be shared (a client, a connection, a cache) is kept on globalThis
// under one namespaced key. This is the only place that casts globalThis.

const registry = ((globalThis as { __storefrontSingletons?: Map<string, unknown> }).__storefrontSingletons ??= new Map());

/** The value kept under `key`, created by `create` on first use in this process. */
export function processSingleton<T>(key: string, create: () => T): T {
  if (!registry.has(key)) registry.set(key, create());
  return registry.get(key) as T;
}

/** Forgets a singleton (tests that change the environment between suites). */
export function dropProcessSingleton(key: string): void {
  registry.delete(key);
}
