import { isLoopbackHost } from './loopback';

// Configuration that fails closed (issues 11.5 and 19.10). A production process (NODE_ENV=production) refuses to
// start on a secret left at its development default, and, unless it runs on the local stack (LOCAL_STACK=1, set
// only by local/stack.ts), on the local stack's identity provider: cognito-local signs tokens with a private key
// shipped in its npm package, so a `local_` pool or a loopback Cognito endpoint would accept tokens anyone can mint.

/** Secrets with a development default: the default works in dev and tests, never in production. */
export const DEV_SECRET_DEFAULTS = {
  SESSION_SECRET: 'local-dev-secret-change-me-0123456789',
} as const;

type Checked = {
  NODE_ENV: string;
  LOCAL_STACK?: string;
  COGNITO_ENDPOINT?: string;
  COGNITO_USER_POOL_ID?: string;
};

function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    // 0.0.0.0 as a destination reaches this machine too.
    return isLoopbackHost(host) || host.startsWith('127.') || host === '0.0.0.0';
  } catch {
    return false;
  }
}

/**
 * The one-line reason this configuration must not start, or null. `env` is the raw environment (a secret left
 * unset is as bad as one set to the default); `config` the parsed values.
 */
export function failClosedReason(env: Record<string, string | undefined>, config: Checked): string | null {
  // `next build` runs as production too, prerendering catalog pages that sign nothing: checked when a server starts.
  if (config.NODE_ENV !== 'production' || env.NEXT_PHASE === 'phase-production-build') return null;
  for (const [key, devValue] of Object.entries(DEV_SECRET_DEFAULTS)) {
    const value = env[key];
    if (!value) return `${key} is not set: a production start needs its own secret (local production starts generate one)`;
    if (value === devValue) return `${key} is the development default: set a secret of your own for production`;
  }
  if (config.LOCAL_STACK === '1') return null;
  if (config.COGNITO_USER_POOL_ID?.startsWith('local_')) {
    return `COGNITO_USER_POOL_ID ${config.COGNITO_USER_POOL_ID} is a cognito-local pool: production needs a real user pool`;
  }
  if (config.COGNITO_ENDPOINT && isLoopbackUrl(config.COGNITO_ENDPOINT)) {
    return `COGNITO_ENDPOINT ${config.COGNITO_ENDPOINT} is a loopback address (cognito-local): production uses Cognito itself`;
  }
  return null;
}
