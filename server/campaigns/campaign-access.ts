import { assertCategoriesExist, listCategories, listProducts } from '../catalog';
import { assertRole, MARKETERS_GROUP } from '../identity/contract';
import { AppError } from '../platform/errors';
import { listPromotions } from '../promotions';
import type { Campaign, CampaignInput } from './campaign-model';
import { listCampaigns, readCampaign } from './campaign-store';

// Campaigns as marketers reach them: every read and the send button checked for the group here, whichever page,
// action or route asks. The create form's state and parser live beside its page (app/admin/campaigns/campaign-form.ts).

export type CampaignActor = { id: string; email: string; name: string; groups: string[] };

export type CampaignFormOptions = {
  categories: { slug: string; name: string }[];
  promotions: { code: string; description: string }[];
  products: { id: string; name: string }[];
};

export function assertCampaignMarketer(actor: CampaignActor): void {
  assertRole(actor, MARKETERS_GROUP, 'Only marketers can see or send campaigns.');
}

/**
 * What the form's pickers offer: every category, the promotions a shopper can type a code for, and the first 100
 * featured products from the cached catalog listing (a suggestion list: any product id may be typed).
 */
export async function campaignFormOptions(actor: CampaignActor): Promise<CampaignFormOptions> {
  assertCampaignMarketer(actor);
  const [categories, promotions, products] = await Promise.all([listCategories(), listPromotions(actor), listProducts({ sort: 'featured', limit: 100 })]);
  return {
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    promotions: promotions.filter((p) => p.active && !p.automatic).map((p) => ({ code: p.code, description: p.description })),
    products: products.items.map((p) => ({ id: p.id, name: p.name })),
  };
}

/**
 * What the form's pickers offer, checked for the JSON routes and the form alike: the segment's category must be
 * one the shop has (400 naming it), and a code the email offers must name an active promotion a shopper can enter
 * (issue 30 L5). Returns the input with the code as the promotion spells it.
 */
export async function assertCampaignChoices(actor: CampaignActor, input: CampaignInput): Promise<CampaignInput> {
  if (input.segment.kind === 'bought-in-category') await assertCategoriesExist([input.segment.category], 'segment.category');
  if (!input.promotionCode) return input;
  const code = input.promotionCode.toUpperCase();
  const offerable = (await listPromotions(actor)).some((p) => p.active && !p.automatic && p.code === code);
  if (!offerable) {
    const message = 'must name an active promotion with a code';
    throw new AppError('VALIDATION_FAILED', `promotionCode ${message}.`, { details: [{ path: 'promotionCode', message }] });
  }
  return { ...input, promotionCode: code };
}

/** The campaign a send button names, checked for the marketer; the caller runs sendCampaign after its response. */
export async function campaignToSend(actor: CampaignActor, id: string): Promise<{ id: string }> {
  assertCampaignMarketer(actor);
  const campaign = await readCampaign(id.slice(0, 100));
  if (!campaign) throw new AppError('NOT_FOUND', 'There is no such campaign.');
  return { id: campaign.id };
}

/** The /admin/campaigns list and detail reads, for marketers only. */
export async function campaignsFor(actor: CampaignActor): Promise<Campaign[]> {
  assertCampaignMarketer(actor);
  return listCampaigns();
}

export async function campaignFor(actor: CampaignActor, id: string): Promise<Campaign | null> {
  assertCampaignMarketer(actor);
  return readCampaign(id.slice(0, 100));
}
