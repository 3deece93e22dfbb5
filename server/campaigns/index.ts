import 'server-only';

// Public entry of email campaigns (marketers): create, preview, send once per consenting recipient, and the
// one-click unsubscribe that withdraws marketing consent. docs/merchandising.md, "Campaigns".
export {
  assertCampaignChoices,
  assertCampaignMarketer,
  type CampaignActor,
  type CampaignFormOptions,
  campaignFor,
  campaignFormOptions,
  campaignsFor,
  campaignToSend,
} from './campaign-access';
export { type Campaign, type CampaignInput, createCampaignSchema, type Segment } from './campaign-model';
export { campaignQueueHandler, requestCampaignSend, startCampaignWorker } from './campaign-queue';
export { createCampaign, readCampaign } from './campaign-store';
export { previewCampaign } from './preview-campaign';
export { sendCampaign } from './send-campaign';
export { isUnsubscribeLink, unsubscribe } from './unsubscribe';
