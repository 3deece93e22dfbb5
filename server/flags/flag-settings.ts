import { getConfig, resetConfigForTests } from '../platform/config';

// The flags domain's settings, read from the one config module (server/platform/config/index.ts documents each one).

export type FlagSettings = {
  FLAGS_CACHE_TTL_MS: number;
  FLAGS_REFRESH_BUDGET_MS: number;
  FLAGS_MIDDLEWARE: 'on' | 'off';
};

export function flagSettings(): FlagSettings {
  const { FLAGS_CACHE_TTL_MS, FLAGS_REFRESH_BUDGET_MS, FLAGS_MIDDLEWARE } = getConfig();
  return { FLAGS_CACHE_TTL_MS, FLAGS_REFRESH_BUDGET_MS, FLAGS_MIDDLEWARE };
}

/** Tests change FLAGS_* in process.env; this makes the next read re-parse the configuration. */
export function resetFlagSettingsForTests(): void {
  resetConfigForTests();
}

/** The propagation bound per instance, in whole seconds, as the admin screen tells marketers. */
export function propagationSeconds(): number {
  return Math.max(1, Math.ceil(flagSettings().FLAGS_CACHE_TTL_MS / 1000));
}
