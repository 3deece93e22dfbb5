import { AppError } from '../platform/errors';
import type { Money } from '../platform/money';
import type { AuthorizationResult, DeclineReason, ProcessorRiskLevel, SettlingPaymentProvider } from './contract';
import { processorRequest } from './processor-request';

// The adapter to the sandbox processor (local/payments-sandbox), a server of its own like a real processor: the
// storefront sends it tokens, amounts and idempotency keys with the secret key, never a card. Its answers map to
// the PaymentProvider port; a protocol error (401, 409 on a reused key, a 400) is our bug, so it is thrown as such.

type Options = { url: string; secretKey: string; timeoutMs: number };

const RISK_LEVELS = new Set<ProcessorRiskLevel>(['normal', 'elevated', 'highest']);

const DECLINE_REASONS = new Set<DeclineReason>([
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'authentication_failed',
  'token_invalid',
  'token_expired',
  'token_used',
]);

export function createSandboxProvider(opts: Options): SettlingPaymentProvider {
  const call = async (path: string, body: unknown, idempotencyKey?: string) => {
    const answer = await processorRequest(`${opts.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.secretKey}`, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body,
      timeoutMs: opts.timeoutMs,
    });
    if (answer.status >= 400) {
      const error = (answer.body.error ?? {}) as { code?: string; message?: string };
      if (answer.status === 409 && path !== '/v1/authorizations') {
        throw new AppError('CONFLICT', `The payment processor refused: ${error.message ?? error.code ?? 'conflict'}`);
      }
      throw new Error(`payments sandbox ${path} answered ${answer.status} ${error.code ?? ''}`);
    }
    return answer.body;
  };
  const amountOf = (m: Money) => ({ amount: m.amount, currency: m.currency });

  return {
    name: 'sandbox',
    async authorize({ amount, token, reference, idempotencyKey, returnUrl }): Promise<AuthorizationResult> {
      const body = await call('/v1/authorizations', { token, ...amountOf(amount), reference, ...(returnUrl ? { returnUrl } : {}) }, idempotencyKey);
      if (body.status === 'authorized') {
        const auth = body.authorization as { id: string; brand: string; last4: string; risk?: { level?: string } };
        const level = auth.risk?.level as ProcessorRiskLevel | undefined;
        return { approved: true, brand: auth.brand, last4: auth.last4, authorizationId: auth.id, risk: level && RISK_LEVELS.has(level) ? level : 'unknown' };
      }
      if (body.status === 'requires_action') {
        const next = body.nextAction as { url: string };
        return { approved: false, reason: 'authentication_required', message: 'Your bank asks you to confirm this payment.', nextActionUrl: next.url };
      }
      const reason = DECLINE_REASONS.has(body.reason as DeclineReason) ? (body.reason as DeclineReason) : 'card_declined';
      return { approved: false, reason, message: typeof body.message === 'string' ? body.message : 'The card was declined.' };
    },
    async describeToken(token) {
      const answer = await processorRequest(`${opts.url}/v1/tokens/${encodeURIComponent(token)}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${opts.secretKey}` },
        timeoutMs: opts.timeoutMs,
      });
      if (answer.status === 404) return null;
      if (answer.status >= 400) throw new Error(`payments sandbox /v1/tokens answered ${answer.status}`);
      const { brand, last4, fingerprint } = answer.body as { brand?: unknown; last4?: unknown; fingerprint?: unknown };
      if (typeof fingerprint !== 'string' || typeof last4 !== 'string') return null;
      return { brand: typeof brand === 'string' ? brand : 'unknown', last4, fingerprint };
    },
    async void(authorizationId) {
      await call(`/v1/authorizations/${encodeURIComponent(authorizationId)}/void`, {});
    },
    async capture({ authorizationId, amount, idempotencyKey }) {
      const body = await call(`/v1/authorizations/${encodeURIComponent(authorizationId)}/capture`, amountOf(amount), idempotencyKey);
      return { captureId: String(body.id) };
    },
    async refund({ authorizationId, amount, idempotencyKey }) {
      const body = await call(`/v1/authorizations/${encodeURIComponent(authorizationId)}/refunds`, amountOf(amount), idempotencyKey);
      return { refundId: String(body.id) };
    },
  };
}
