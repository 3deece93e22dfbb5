import type { FraudFacts, FraudRuleSettings, RiskDecision } from './contract';

// The scoring: every rule whose signal reaches its threshold adds its weight and its reason; the sum against the two
// thresholds is the decision. Pure, so the replay (bench/fraud-replay.ts) and checkout judge the same way.

export type RiskVerdict = { decision: RiskDecision; score: number; reasons: string[] };

export function evaluateRisk(settings: FraudRuleSettings, facts: FraudFacts): RiskVerdict {
  let score = 0;
  const reasons: string[] = [];
  for (const rule of settings.rules) {
    const value = facts[rule.signal];
    // A signal nobody could measure (no viewer location, no processor verdict yet) never fires.
    if (value === undefined || value < rule.atLeast) continue;
    score += rule.weight;
    reasons.push(rule.reason);
  }
  const decision: RiskDecision = score >= settings.denyAt ? 'deny' : score >= settings.reviewAt ? 'review' : 'allow';
  return { decision, score, reasons };
}
