import 'server-only';

// Public entry of email campaigns (marketers): create, preview, send once per consenting recipient, and the
// one-click unsubscribe that withdraws marketing consent. docs/merchandising.md, "Campaigns".
export {
  type CampaignFormOptions,
  type CampaignFormState,
  campaignFor,
  campaignFormOptions,
  campaignsFor,
  campaignToSend,
  initialCampaignFormState,
  submitCampaignForm,
} from './campaign-form';
export { type Campaign, createCampaignSchema, type Segment } from './campaign-model';
export { createCampaign, readCampaign } from './campaign-store';
export { previewCampaign } from './preview-campaign';
export { sendCampaign } from './send-campaign';
export { unsubscribe } from './unsubscribe';
