import { z } from 'zod';

// The flags domain's own environment settings, validated once per process. They belong in server/config.ts (the one
// place environment variables are read); they live here until that file, owned elsewhere, takes them over.
//   FLAGS_CACHE_TTL_MS       how long a flag snapshot is served before DynamoDB is read again: the propagation
//                            bound per instance. Capped at 5 s by the product's promise ("within seconds").
//   FLAGS_REFRESH_BUDGET_MS  how long a request may wait for a refresh before it is served the previous snapshot.
//   FLAGS_MIDDLEWARE         'off' skips the middleware flag step entirely. For the overhead benchmark only: pages
//                            still check their own flag, so a route gate stays closed, but sf_anon is not minted.

const schema = z.object({
  FLAGS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(5_000).default(3_000),
  FLAGS_REFRESH_BUDGET_MS: z.coerce.number().int().min(10).max(5_000).default(300),
  FLAGS_MIDDLEWARE: z.enum(['on', 'off']).default('on'),
});

export type FlagSettings = z.infer<typeof schema>;

let cached: FlagSettings | undefined;

export function flagSettings(): FlagSettings {
  if (!cached) {
    const parsed = schema.safeParse({
      FLAGS_CACHE_TTL_MS: process.env.FLAGS_CACHE_TTL_MS || undefined,
      FLAGS_REFRESH_BUDGET_MS: process.env.FLAGS_REFRESH_BUDGET_MS || undefined,
      FLAGS_MIDDLEWARE: process.env.FLAGS_MIDDLEWARE || undefined,
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid flag configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function resetFlagSettingsForTests(): void {
  cached = undefined;
}

/** The propagation bound per instance, in whole seconds, as the admin screen tells marketers. */
export function propagationSeconds(): number {
  return Math.max(1, Math.ceil(flagSettings().FLAGS_CACHE_TTL_MS / 1000));
}
