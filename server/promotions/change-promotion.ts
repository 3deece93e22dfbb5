import { assertCategoriesExist } from '../catalog';
import { auditEntryId } from '../platform/db';
import { AppError } from '../platform/errors';
import { validationError } from '../platform/http/respond';
import type { Promotion, PromotionSettings } from './contract';
import { assertMarketer, type PromotionActor } from './marketer';
import { type CreatePromotionInput, mergedSettingsSchema, type PromotionPatch } from './promotion-schema';
import { createPromotionWithAudit, getPromotion, updatePromotionWithAudit } from './promotion-store';

// A marketer's changes, shaped like the flags' (server/flags/change-flag.ts): check the actor, check the version the
// marketer saw, write the promotion and its audit entry in one transaction. A stale `expectedVersion` is a 409
// carrying the current promotion, so the page can show what changed underneath; a code that exists is a 409 too.

const MAX_ATTEMPTS = 3;

export function settingsOf(p: PromotionSettings): PromotionSettings {
  return {
    description: p.description,
    kind: p.kind,
    value: p.value,
    minSubtotal: p.minSubtotal,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    usageLimit: p.usageLimit,
    perCustomerLimit: p.perCustomerLimit,
    categories: p.categories,
    active: p.active,
    automatic: p.automatic,
    shippingMethods: p.shippingMethods,
  };
}

const who = (actor: PromotionActor) => actor.email || actor.name || actor.id;

function versionConflict(current: Promotion): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `Someone else changed ${current.code} (now version ${current.version}, by ${current.updatedBy}). Review the current values and try again.`,
    { details: { currentVersion: current.version, current } },
  );
}

async function currentPromotion(code: string): Promise<Promotion> {
  const current = await getPromotion(code);
  if (!current) throw new AppError('NOT_FOUND', `There is no promotion ${code}.`);
  return current;
}

export async function createPromotion(actor: PromotionActor, input: CreatePromotionInput, now = new Date()): Promise<Promotion> {
  assertMarketer(actor);
  if (input.categories) await assertCategoriesExist(input.categories, 'categories');
  const at = now.toISOString();
  const { code, ...rest } = input;
  const settings = settingsOf(rest);
  const promotion: Promotion = { code, ...settings, redemptions: 0, version: 1, updatedBy: who(actor), updatedAt: at };
  const written = await createPromotionWithAudit(promotion, {
    code,
    entryId: auditEntryId(1, at),
    version: 1,
    action: 'create',
    at,
    by: who(actor),
    byId: actor.id,
    before: null,
    after: settings,
  });
  if (!written) throw new AppError('CONFLICT', `A promotion with the code ${code} exists already. Choose another code, or edit that one.`);
  return promotion;
}

export async function updatePromotion(actor: PromotionActor, code: string, patch: PromotionPatch, now = () => new Date()): Promise<Promotion> {
  assertMarketer(actor);
  const { expectedVersion, ...changes } = patch;
  // Only categories the marketer sends now: a promotion naming a category since removed can still be edited.
  if (changes.categories) await assertCategoriesExist(changes.categories, 'categories');
  for (let attempt = 1; ; attempt++) {
    const current = await currentPromotion(code);
    if (current.version !== expectedVersion) throw versionConflict(current);
    const merged = mergedSettingsSchema.safeParse({ ...settingsOf(current), ...changes });
    if (!merged.success) throw validationError(merged.error, 'Please check the highlighted fields.');
    const settings = settingsOf(merged.data);
    // Saving what is already there writes nothing (and no audit entry).
    if (JSON.stringify(settings) === JSON.stringify(settingsOf(current))) return current;
    const at = now().toISOString();
    const version = current.version + 1;
    const outcome = await updatePromotionWithAudit(code, settings, { version, updatedBy: who(actor), updatedAt: at }, current.version, {
      code,
      entryId: auditEntryId(version, at),
      version,
      action: 'update',
      at,
      by: who(actor),
      byId: actor.id,
      before: settingsOf(current),
      after: settings,
    });
    if (outcome === 'written') return { ...current, ...settings, version, updatedBy: who(actor), updatedAt: at };
    const latest = await currentPromotion(code);
    if (latest.version !== expectedVersion) throw versionConflict(latest);
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', 'The promotion is being changed right now. Please try again.');
  }
}
