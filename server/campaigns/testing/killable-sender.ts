// Test-only: the real campaign sender in a process of its own, for campaigns.int.test.ts to SIGKILL midway (no
// cleanup, no finally, like an OOM kill or a Lambda timeout). HOLD_FROM=<n> makes the sender wait before its n-th
// recipient (0-based) as a slow or throttled send would, so the test's kill lands mid-run after exactly n emails
// went out, whatever the machine's speed. Run with `node --conditions=react-server --import tsx
// server/campaigns/testing/killable-sender.ts` and the local stack's environment.
import { sendCampaign } from '../send-campaign';

const campaignId = process.env.CAMPAIGN_ID;
const holdFrom = Number(process.env.HOLD_FROM ?? 'NaN');
if (!campaignId || !Number.isInteger(holdFrom)) throw new Error('CAMPAIGN_ID and HOLD_FROM are required');

// Never outlives the test: it exits if its parent goes away or after a minute.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
setTimeout(() => process.exit(2), 60_000).unref();

await sendCampaign(campaignId, {
  beforeSend: async (_recipient, index) => {
    if (index < holdFrom) return;
    process.stdout.write(`holding before recipient ${index}\n`);
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
});
process.stdout.write('finished without being killed\n');
