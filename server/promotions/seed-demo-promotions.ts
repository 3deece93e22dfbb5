// No 'server-only' (and nothing that imports it): the local stack's demo setup (plain Node) calls this, like
// server/flags/seed-flags.ts. The audit entry id is the flags' format, read from its file for the same reason.
import { auditEntryId } from '../platform/db';
import { money } from '../platform/money';
import type { Promotion, PromotionSettings } from './contract';
import { createPromotionWithAudit } from './promotion-store';

// The demo shop's promotions (docs/promotions.md): a welcome code and an automatic coffee week. Each is written
// only if its code is absent, so a marketer's edits survive restarts.

const DEMO: (PromotionSettings & { code: string })[] = [
  {
    code: 'WELCOME10',
    description: '10% off your order, once per customer',
    kind: 'percent',
    value: 10,
    minSubtotal: money(2000),
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: 1,
    categories: null,
    active: true,
    automatic: false,
    shippingMethods: null,
  },
  {
    code: 'COFFEE-WEEK',
    description: '10% off coffee',
    kind: 'percent',
    value: 10,
    minSubtotal: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    categories: ['coffee'],
    active: true,
    automatic: true,
    shippingMethods: null,
  },
];

export async function seedDemoPromotions(now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  const created: string[] = [];
  for (const { code, ...settings } of DEMO) {
    const by = 'system (demo seed)';
    const promotion: Promotion = { code, ...settings, redemptions: 0, version: 1, updatedBy: by, updatedAt: at };
    const audit = { code, entryId: auditEntryId(1, at), version: 1, action: 'create' as const, at, by, byId: 'system', before: null, after: settings };
    if (await createPromotionWithAudit(promotion, audit)) created.push(code);
  }
  return created;
}
