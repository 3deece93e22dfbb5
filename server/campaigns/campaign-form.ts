import { listCategories, listProducts } from '../catalog';
import { AppError } from '../errors';
import { MARKETERS_GROUP } from '../flags';
import type { MailHeader } from '../notifications';
import { listPromotions } from '../promotions';
import { type Campaign, type CampaignInput, createCampaignSchema } from './campaign-model';
import { createCampaign, listCampaigns, readCampaign } from './campaign-store';
import { previewCampaign } from './preview-campaign';

// The /admin/campaigns create form as a server action (it works before the page hydrates, or without script): the
// first submit ("Preview") validates the fields and shows how many consenting shoppers the segment holds now and
// the email as they would get it; the second ("Create campaign") stores it as a draft. Sending is its own button on
// the campaign's page. Field names live here so the form and this parser cannot disagree.

export type CampaignActor = { id: string; email: string; name: string; groups: string[] };
export type CampaignFormProblem = { fieldId?: string; message: string };

export type CampaignFormState = {
  step: 'edit' | 'preview' | 'created';
  /** The typed values, by input name, so a refused or previewed form comes back as it was typed. */
  values: Record<string, string>;
  problems: CampaignFormProblem[];
  preview: { recipients: number; subject: string; text: string; headers: MailHeader[] } | null;
  /** The new campaign's id once created (the action then redirects to its page). */
  campaignId: string | null;
};

export type CampaignFormOptions = {
  categories: { slug: string; name: string }[];
  promotions: { code: string; description: string }[];
  products: { id: string; name: string }[];
};

function assertMarketer(actor: CampaignActor): void {
  if (!actor.groups.includes(MARKETERS_GROUP)) throw new AppError('FORBIDDEN', 'Only marketers can see or send campaigns.');
}

/**
 * What the form's pickers offer: every category, the promotions a shopper can type a code for, and the first 100
 * featured products from the cached catalog listing (a suggestion list: any product id may be typed).
 */
export async function campaignFormOptions(actor: CampaignActor): Promise<CampaignFormOptions> {
  assertMarketer(actor);
  const [categories, promotions, products] = await Promise.all([listCategories(), listPromotions(actor), listProducts({ sort: 'featured', limit: 100 })]);
  return {
    categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
    promotions: promotions.filter((p) => p.active && !p.automatic).map((p) => ({ code: p.code, description: p.description })),
    products: products.items.map((p) => ({ id: p.id, name: p.name })),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function initialCampaignFormState(now = new Date()): CampaignFormState {
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  return {
    step: 'edit',
    values: { kind: 'bought-in-category', category: '', productId: '', from: isoDay(monthAgo), to: isoDay(now), promotionCode: '', subject: '', message: '' },
    problems: [],
    preview: null,
    campaignId: null,
  };
}

// Which input a schema issue belongs to, and what to tell the marketer about it.
const FIELD_OF: Record<string, { fieldId: string; message: string }> = {
  'segment.kind': { fieldId: 'kind-bought', message: 'Choose who gets the campaign.' },
  'segment.category': { fieldId: 'category', message: 'Choose a category.' },
  'segment.productId': { fieldId: 'productId', message: 'Enter or pick a product id.' },
  'segment.from': { fieldId: 'from', message: 'From: enter a date such as 2026-11-30.' },
  'segment.to': { fieldId: 'to', message: 'To: enter a date such as 2026-11-30, on or after the start.' },
  promotionCode: { fieldId: 'promotionCode', message: 'Choose one of the promotions, or none.' },
  subject: { fieldId: 'subject', message: 'Enter a subject, at most 150 characters.' },
  message: { fieldId: 'message', message: 'Enter a message, at most 5000 characters.' },
};

/** The campaign the typed values mean, or the problems to show (each once, in the form's order). */
export function readCampaignForm(
  values: Record<string, string>,
  promotionCodes: readonly string[],
): { input: CampaignInput } | { problems: CampaignFormProblem[] } {
  const range = { from: values.from ?? '', to: values.to ?? '' };
  const segment =
    values.kind === 'viewed-not-bought'
      ? { kind: 'viewed-not-bought', productId: (values.productId ?? '').trim(), ...range }
      : { kind: values.kind === 'bought-in-category' ? 'bought-in-category' : (values.kind ?? ''), category: values.category ?? '', ...range };
  const code = (values.promotionCode ?? '').trim();
  const raw = { segment, ...(code ? { promotionCode: code } : {}), subject: values.subject ?? '', message: values.message ?? '' };
  const parsed = createCampaignSchema.safeParse(raw);
  const problems = new Map<string, CampaignFormProblem>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const known = FIELD_OF[issue.path.join('.')] ?? { fieldId: undefined, message: issue.message };
      problems.set(known.fieldId ?? known.message, known);
    }
  }
  if (code && !promotionCodes.includes(code.toUpperCase())) problems.set('promotionCode', FIELD_OF.promotionCode!);
  if (!parsed.success || problems.size > 0) {
    const order = Object.values(FIELD_OF).map((f) => f.fieldId);
    return { problems: [...problems.values()].sort((a, b) => order.indexOf(a.fieldId ?? '') - order.indexOf(b.fieldId ?? '')) };
  }
  return { input: { ...parsed.data, ...(parsed.data.promotionCode ? { promotionCode: parsed.data.promotionCode.toUpperCase() } : {}) } };
}

/** One submit of the form. Never throws for the marketer's input: every refusal comes back as problems to show. */
export async function submitCampaignForm(actor: CampaignActor, form: FormData): Promise<CampaignFormState> {
  assertMarketer(actor);
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== 'intent' && !k.startsWith('$')) values[k] = v;
  const intent = form.get('intent');
  const base: CampaignFormState = { step: 'edit', values, problems: [], preview: null, campaignId: null };
  if (intent === 'back') return base;
  const promotions = await listPromotions(actor);
  const read = readCampaignForm(
    values,
    promotions.filter((p) => p.active && !p.automatic).map((p) => p.code),
  );
  if ('problems' in read) return { ...base, problems: read.problems };
  if (intent === 'create') {
    const campaign = await createCampaign(read.input, actor.email || actor.id);
    return { ...base, step: 'created', campaignId: campaign.id };
  }
  const { recipients, email } = await previewCampaign(read.input);
  return { ...base, step: 'preview', preview: { recipients, subject: email.subject, text: email.text, headers: email.headers } };
}

/** The campaign a send button names, checked for the marketer; the caller runs sendCampaign after its response. */
export async function campaignToSend(actor: CampaignActor, id: string): Promise<{ id: string }> {
  assertMarketer(actor);
  const campaign = await readCampaign(id.slice(0, 100));
  if (!campaign) throw new AppError('NOT_FOUND', 'There is no such campaign.');
  return { id: campaign.id };
}

/** The /admin/campaigns list and detail reads, for marketers only. */
export async function campaignsFor(actor: CampaignActor): Promise<Campaign[]> {
  assertMarketer(actor);
  return listCampaigns();
}

export async function campaignFor(actor: CampaignActor, id: string): Promise<Campaign | null> {
  assertMarketer(actor);
  return readCampaign(id.slice(0, 100));
}
