import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CardBrand } from './card-brand';
import type { CardOutcome, RiskLevel } from './test-cards';

// The sandbox processor's own records, as a processor keeps them: tokens (outcome, brand, last four: never the
// number), authorisations with what was captured and refunded, attempts by idempotency key, 3-D Secure challenges
// and the results of capture and refund keys. Kept in a JSON file in the stack's data folder (rewritten whole on
// every change: demo scale) so they survive a restart of the storefront and of the stack, or in memory for tests.

export type TokenRecord = {
  id: string;
  outcome: CardOutcome;
  brand: CardBrand;
  last4: string;
  /** A keyed hash of the number: the same card gives the same fingerprint, and the number cannot be read back. */
  fingerprint?: string;
  risk?: RiskLevel;
  createdAt: string;
  expiresAt: string;
  spentBy?: string;
};

export type AuthorizationRecord = {
  id: string;
  tokenId: string;
  brand: CardBrand;
  last4: string;
  amount: number;
  currency: string;
  reference: string;
  status: 'authorized' | 'captured' | 'voided';
  risk?: RiskLevel;
  captured: number;
  refunded: number;
  createdAt: string;
};

/** One authorisation attempt by its idempotency key: what was asked (a hash) and how far it got. */
export type AttemptRecord = {
  key: string;
  paramsHash: string;
  state: 'requires_action' | 'authorized' | 'authentication_failed';
  challengeId?: string;
  authorizationId?: string;
};

export type ChallengeRecord = {
  id: string;
  attemptKey: string;
  status: 'pending' | 'passed' | 'failed';
  expiresAt: string;
  returnUrl?: string;
  amount: number;
  currency: string;
  last4: string;
};

export type MovementRecord = { id: string; kind: 'capture' | 'refund'; authorizationId: string; amount: number; paramsHash: string };

export type SandboxState = {
  tokens: Record<string, TokenRecord>;
  authorizations: Record<string, AuthorizationRecord>;
  attempts: Record<string, AttemptRecord>;
  challenges: Record<string, ChallengeRecord>;
  movements: Record<string, MovementRecord>;
};

export type SandboxStore = { state: SandboxState; save: () => void };

const empty = (): SandboxState => ({ tokens: {}, authorizations: {}, attempts: {}, challenges: {}, movements: {} });

/** `file` null: memory only. */
export function openStore(file: string | null): SandboxStore {
  if (!file) return { state: empty(), save: () => undefined };
  let state = empty();
  try {
    state = { ...state, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<SandboxState>) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`payments sandbox: cannot read ${file}: ${String(err)}`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  return {
    state,
    save() {
      // Write-then-rename: a crash mid-write leaves the previous file, never half of one.
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}
