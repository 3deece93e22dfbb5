import { fraudRulesPatchSchema, saveFraudRules, storedFraudRules } from '@/server/fraud';
import { assertSameOrigin, requireOperations } from '@/server/identity';
import { parseJsonBody, route } from '@/server/platform/http/respond';

export const dynamic = 'force-dynamic';

// The screening rules as data (docs/fraud.md), for the operations group:
//   GET → { rules } (weights, thresholds, reasons, decline limits, version; version 0 = the built-in defaults)
//   PUT { settings, expectedVersion } → { rules }; 409 VERSION_CONFLICT when someone saved since; 400 on bad rules.
// Every save writes an audit entry (GET /api/admin/fraud-rules/history).
export const GET = route(async (req) => {
  await requireOperations(req);
  return Response.json({ rules: await storedFraudRules() }, { headers: { 'Cache-Control': 'private, no-store' } });
});

export const PUT = route(async (req) => {
  assertSameOrigin(req);
  const user = await requireOperations(req);
  const input = await parseJsonBody(req, fraudRulesPatchSchema);
  const rules = await saveFraudRules(user, input);
  return Response.json({ rules }, { headers: { 'Cache-Control': 'no-store' } });
});
