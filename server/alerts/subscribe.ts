import { getProductRecords } from '../catalog';
import type { SessionUser } from '../identity';
import { alertEmail, sendEmailOnce } from '../notifications';
import { getConfig } from '../platform/config';
import { AppError } from '../platform/errors';
import { rateLimit } from '../platform/runtime';
import { normaliseEmail, ownerKeyFor, ownerTag } from './alert-owner';
import type { StockAlertInput } from './alert-schemas';
import { confirmAlert, deleteAlert, putAlert, readAlertsByKey, readOwnerAlerts, readProductAlerts } from './alert-store';
import { confirmToken, readConfirmToken, readUnsubscribeToken } from './unsubscribe-token';

// Subscribing and unsubscribing. A subscription is one item per (variant or product, owner): asking twice keeps
// one, and each new subscription carries its own createdAt, which keys the one email it may cause.

async function productOrNotFound(productId: string) {
  const record = (await getProductRecords([productId])).get(productId);
  if (!record) throw new AppError('NOT_FOUND', `There is no product "${productId}".`);
  return record;
}

// A guest names any address, so a script could make the shop mail strangers: guest sign-ups are limited per
// client address and per email address (a signed-in shopper's alerts only ever go to their own address). Every
// attempt counts, including refused ones, so probing for sold-out options costs the same.
const GUEST_PER_ADDRESS = { points: 10, durationSeconds: 60 * 60 };
const GUEST_PER_EMAIL = { points: 5, durationSeconds: 60 * 60 };

async function takeGuestAllowance(clientAddress: string, email: string | undefined): Promise<void> {
  const checks = [{ limit: rateLimit('stock-alerts:address', GUEST_PER_ADDRESS), key: clientAddress }];
  if (email) checks.push({ limit: rateLimit('stock-alerts:email', GUEST_PER_EMAIL), key: normaliseEmail(email) });
  for (const { limit, key } of checks) {
    const verdict = await limit.take(key);
    if (!verdict.allowed) {
      const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
      throw new AppError('RATE_LIMITED', `Too many alert sign-ups. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
        headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
      });
    }
  }
}

/** `clientAddress`: the caller's bucket for per-address limits (server/platform/http/client-address.ts). */
/** A guest's subscription is pending until confirmed by the emailed link (`confirmationRequired`). */
export async function subscribeToRestock(user: SessionUser | null, input: StockAlertInput, clientAddress: string): Promise<{ confirmationRequired: boolean }> {
  if (!user) await takeGuestAllowance(clientAddress, input.email);
  const record = await productOrNotFound(input.productId);
  if (!record.variants.some((v) => v.id === input.variantId)) throw new AppError('NOT_FOUND', `${record.name} has no variant "${input.variantId}".`);
  if ((record.stock[input.variantId] ?? 0) > 0) throw new AppError('CONFLICT', 'That option is in stock now: you can order it straight away.');
  // Signed in: the account's address, whatever the body says (an alert must not be aimed at someone else).
  const email = user ? user.email : input.email;
  if (!email) {
    throw new AppError('VALIDATION_FAILED', 'Enter your email address so we can tell you.', {
      details: [{ path: 'email', message: 'is required when not signed in' }],
    });
  }
  const ownerKey = ownerKeyFor(user ? { userId: user.id } : { email });
  const alert = {
    productId: record.id,
    subscriptionId: `restock#${input.variantId}#${ownerTag(ownerKey)}`,
    kind: 'restock' as const,
    variantId: input.variantId,
    email: normaliseEmail(email),
    ownerKey,
    createdAt: new Date().toISOString(),
  };
  if (user) {
    await putAlert(alert);
    return { confirmationRequired: false };
  }
  // A guest may type anyone's address: the subscription waits for its owner's click (double opt-in), and the only
  // mail it can cause before then is this one question (the guest limits above bound how many).
  await putAlert({ ...alert, pending: true });
  const variant = record.variants.find((v) => v.id === input.variantId);
  const confirmUrl = new URL(`/alerts/confirm?${new URLSearchParams({ t: confirmToken(alert) })}`, getConfig().SITE_URL).toString();
  await sendEmailOnce({ subject: `alert-confirm#${alert.productId}#${alert.subscriptionId}#${alert.createdAt}`, event: 'confirm' }, alert.email, () =>
    alertEmail({
      kind: 'confirm-restock',
      productName: record.name,
      variantLabel: (variant && Object.values(variant.options).join(' / ')) || record.name,
      confirmUrl,
    }),
  );
  return { confirmationRequired: true };
}

/** The confirmation link's POST: the guest's subscription becomes active. false for a bad, old or used link. */
export async function confirmRestockWithToken(token: string): Promise<boolean> {
  const target = readConfirmToken(token);
  return target ? confirmAlert(target) : false;
}

/** Opt in to one email when a wishlisted product's lowest price falls below today's. */
export async function subscribeToPriceDrop(user: SessionUser, productId: string): Promise<void> {
  const record = await productOrNotFound(productId);
  const ownerKey = ownerKeyFor({ userId: user.id });
  await putAlert({
    productId: record.id,
    subscriptionId: `price#${ownerTag(ownerKey)}`,
    kind: 'price-drop',
    variantId: null,
    email: normaliseEmail(user.email),
    ownerKey,
    createdAt: new Date().toISOString(),
    priceAtSubscribe: record.minPrice,
  });
}

/**
 * Which of `productIds` the shopper has asked to hear about a price drop for (the wishlist page's toggles). Read
 * by key, consistently: the page after the opt-in form's redirect shows the new state (the owner index would not).
 */
export async function priceDropProductIds(userId: string, productIds: readonly string[]): Promise<Set<string>> {
  const subscriptionId = `price#${ownerTag(ownerKeyFor({ userId }))}`;
  const found = await readAlertsByKey(productIds.map((productId) => ({ productId, subscriptionId })));
  return new Set(found.map((alert) => alert.productId));
}

export async function cancelPriceDrop(userId: string, productId: string): Promise<void> {
  await deleteAlert({ productId, subscriptionId: `price#${ownerTag(ownerKeyFor({ userId }))}` });
}

/** The email link: ends every alert that owner has for that product. false for a bad or edited token. */
export async function unsubscribeWithToken(token: string): Promise<boolean> {
  const target = readUnsubscribeToken(token);
  if (!target) return false;
  const alerts = (await readProductAlerts(target.productId)).filter((a) => a.ownerKey === target.ownerKey);
  await Promise.all(alerts.map((a) => deleteAlert(a)));
  return true;
}

/** Account deletion: every alert of the user. */
export async function eraseUserAlerts(userId: string): Promise<void> {
  const alerts = await readOwnerAlerts(ownerKeyFor({ userId }));
  await Promise.all(alerts.map((a) => deleteAlert(a)));
}
