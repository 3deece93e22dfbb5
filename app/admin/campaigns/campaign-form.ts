import 'server-only';
import {
  assertCampaignChoices,
  assertCampaignMarketer,
  type CampaignActor,
  type CampaignInput,
  createCampaign,
  createCampaignSchema,
  previewCampaign,
} from '@/server/campaigns';
import type { MailHeader } from '@/server/notifications';
import { isAppError } from '@/server/platform/errors';
import { listPromotions } from '@/server/promotions';

// The /admin/campaigns create form as a server action (it works before the page hydrates, or without script): the
// first submit ("Preview") validates the fields and shows how many consenting shoppers the segment holds now and
// the email as they would get it; the second ("Create campaign") stores it as a draft. Sending is its own button on
// the campaign's page. Field names live here so the form and this parser cannot disagree; the rules (who may,
// which codes, the segment) stay in server/campaigns.

export type CampaignFormProblem = { fieldId?: string; message: string };

export type CampaignFormState = {
  step: 'edit' | 'preview' | 'created';
  /** The typed values, by input name, so a refused or previewed form comes back as it was typed. */
  values: Record<string, string>;
  problems: CampaignFormProblem[];
  preview: { recipients: number | null; recipientsLabel: string; subject: string; text: string; headers: MailHeader[] } | null;
  /** The new campaign's id once created (the action then redirects to its page). */
  campaignId: string | null;
};

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
  assertCampaignMarketer(actor);
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
  // The same check the JSON routes make (a category the shop has): its refusal shown beside the category field.
  const refused = await assertCampaignChoices(actor, read.input).then(
    () => null,
    (err: unknown) => {
      if (!isAppError(err) || err.code !== 'VALIDATION_FAILED') throw err;
      const detail = (err.details as { path?: string; message?: string }[] | undefined)?.[0];
      const category = detail?.path === 'segment.category' && detail.message;
      return { fieldId: FIELD_OF[detail?.path ?? '']?.fieldId, message: category ? `Category: ${category}.` : err.message };
    },
  );
  if (refused) return { ...base, problems: [refused] };
  if (intent === 'create') {
    const campaign = await createCampaign(read.input, actor.email || actor.id);
    return { ...base, step: 'created', campaignId: campaign.id };
  }
  const { recipients, recipientsLabel, email } = await previewCampaign(read.input);
  return { ...base, step: 'preview', preview: { recipients, recipientsLabel, subject: email.subject, text: email.text, headers: email.headers } };
}
