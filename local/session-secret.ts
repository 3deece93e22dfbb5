import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The local stack's SESSION_SECRET. A production-mode start refuses the development default (server/platform/config/fail-closed.ts),
// so every local start passes one of its own: the caller's SESSION_SECRET when set; else, for a stack that keeps its data,
// one generated once and kept beside the data (guest carts and profile cookies survive a restart); else a fresh one.
export function localSessionSecret(dataDir: string | null): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = path.join(dataDir, 'session-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // first start on this folder
  }
  const fresh = randomBytes(32).toString('base64url');
  writeFileSync(file, `${fresh}\n`, { mode: 0o600 });
  return fresh;
}
