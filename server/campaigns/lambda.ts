import { campaignQueueHandler } from './campaign-queue';

// The campaign queue's function (sst.config.ts `CampaignSender`): one campaign message per invocation, with the
// Lambda context telling the run how long it has left.
export const handler = campaignQueueHandler;
