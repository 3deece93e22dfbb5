import { z } from 'zod';

// Fraud screening's shapes (shared/API.md "Fraud screening", docs/fraud.md): what a screening decides, the rules
// operations edit (data, versioned and audited like flags and promotions), and the facts the rules read. Client-safe.

export const RISK_DECISIONS = ['allow', 'review', 'deny'] as const;
export type RiskDecision = (typeof RISK_DECISIONS)[number];

/** On the operations view of an order only (API.md): never in a shopper's answer. */
export type OrderRisk = { decision: RiskDecision; reasons: string[]; score: number; rulesVersion: number };

/**
 * What each rule can look at. Counts are over the rules' `velocityWindowSeconds`; money in minor units.
 *   attemptsByClient / attemptsByEmail   checkouts tried (this one included) from the client address / with the email
 *   cardsByClient / cardsByEmail         distinct card fingerprints seen with the address / the email
 *   emailTagVariants                     distinct `+tag` spellings of one mailbox at checkout
 *   disposableEmail                      1 when the email's domain is a throwaway one (the disposable-email-domains list)
 *   firstOrderValue                      the total when the customer has no earlier order, else 0
 *   shippingDistanceKm                   the shipping address from where the client is (CloudFront's viewer location)
 *   processorRisk                        the processor's own verdict after authorising: 0 normal, 1 elevated, 2 highest
 */
export const FRAUD_SIGNALS = [
  'attemptsByClient',
  'attemptsByEmail',
  'cardsByClient',
  'cardsByEmail',
  'emailTagVariants',
  'disposableEmail',
  'firstOrderValue',
  'shippingDistanceKm',
  'processorRisk',
] as const;
export type FraudSignal = (typeof FRAUD_SIGNALS)[number];
export type FraudFacts = Partial<Record<FraudSignal, number>>;

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A rule id is lower-case letters, digits and dashes.'),
    signal: z.enum(FRAUD_SIGNALS),
    /** Fires when the signal is at least this. */
    atLeast: z.number().finite().min(0),
    weight: z.number().int().min(0).max(1_000),
    /** Shown to operations on a held order. */
    reason: z.string().trim().min(1).max(200),
  })
  .strict();

const windowLimitSchema = z
  .object({
    declines: z.number().int().min(1).max(1_000),
    windowSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
  })
  .strict();

export const fraudRuleSettingsSchema = z
  .object({
    /** A score at or above reviewAt holds the order (ON_HOLD); at or above denyAt refuses it (402, nothing written). */
    reviewAt: z.number().int().min(1).max(10_000),
    denyAt: z.number().int().min(1).max(10_000),
    velocityWindowSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
    /**
     * Declined payments after which the processor is not asked again (429 RATE_LIMITED), per client address, cart,
     * email and card fingerprint: what stops card testing.
     */
    declineLimits: z.object({ perClient: windowLimitSchema, perCart: windowLimitSchema, perEmail: windowLimitSchema, perCard: windowLimitSchema }).strict(),
    rules: z.array(ruleSchema).max(50),
  })
  .strict()
  .refine((s) => s.reviewAt < s.denyAt, { message: 'reviewAt must be below denyAt.', path: ['reviewAt'] })
  .refine((s) => new Set(s.rules.map((r) => r.id)).size === s.rules.length, { message: 'Rule ids must be unique.', path: ['rules'] });
export type FraudRuleSettings = z.infer<typeof fraudRuleSettingsSchema>;

export type FraudRules = FraudRuleSettings & { version: number; updatedBy: string; updatedAt: string };

export const fraudRulesPatchSchema = z.object({ settings: z.unknown(), expectedVersion: z.number().int().min(0) }).strict();

export type FraudRulesAuditEntry = {
  entryId: string;
  version: number;
  at: string;
  by: string;
  byId: string;
  before: FraudRuleSettings | null;
  after: FraudRuleSettings;
};

/**
 * The defaults (version 0 until operations first save). Tuned on the labelled replay (bench/fraud-replay.ts):
 * a card tester's run is cut off by the decline limits after 5 declines from one address; a good shopper's one or
 * two declines (a typo, an expired card) never are.
 */
export const DEFAULT_FRAUD_RULES: FraudRuleSettings = {
  reviewAt: 50,
  denyAt: 120,
  velocityWindowSeconds: 3600,
  declineLimits: {
    perClient: { declines: 5, windowSeconds: 3600 },
    perCart: { declines: 5, windowSeconds: 3600 },
    perEmail: { declines: 5, windowSeconds: 3600 },
    perCard: { declines: 3, windowSeconds: 24 * 3600 },
  },
  rules: [
    // Per address, velocity is weak on its own (45 at most, under review): an office or carrier NAT is many honest
    // shoppers behind one address. Card testers are stopped by the decline limits, not by these.
    { id: 'client-attempts', signal: 'attemptsByClient', atLeast: 10, weight: 10, reason: 'Many checkouts from one address within the hour' },
    { id: 'client-attempts-burst', signal: 'attemptsByClient', atLeast: 30, weight: 15, reason: 'A burst of checkouts from one address' },
    { id: 'client-cards', signal: 'cardsByClient', atLeast: 6, weight: 20, reason: 'Six or more different cards from one address' },
    { id: 'email-attempts', signal: 'attemptsByEmail', atLeast: 6, weight: 30, reason: 'Many checkouts with one email within the hour' },
    { id: 'email-cards', signal: 'cardsByEmail', atLeast: 4, weight: 50, reason: 'Four or more different cards on one email' },
    { id: 'email-tag-fan-out', signal: 'emailTagVariants', atLeast: 3, weight: 50, reason: 'One mailbox checking out under several +tag addresses' },
    { id: 'disposable-email', signal: 'disposableEmail', atLeast: 1, weight: 30, reason: 'A disposable email address' },
    { id: 'first-order-high-value', signal: 'firstOrderValue', atLeast: 50_000, weight: 30, reason: 'A first order over $500' },
    { id: 'first-order-very-high-value', signal: 'firstOrderValue', atLeast: 150_000, weight: 10, reason: 'A first order over $1,500' },
    { id: 'ships-far-away', signal: 'shippingDistanceKm', atLeast: 1_500, weight: 20, reason: 'Shipping far from where the shopper is' },
    { id: 'processor-elevated', signal: 'processorRisk', atLeast: 1, weight: 50, reason: 'The card processor rates the payment elevated risk' },
    { id: 'processor-highest', signal: 'processorRisk', atLeast: 2, weight: 70, reason: 'The card processor rates the payment highest risk' },
  ],
};
