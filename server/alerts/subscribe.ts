import { getProductRecords } from '../catalog';
import { AppError } from '../errors';
import type { SessionUser } from '../identity';
import { normaliseEmail, ownerKeyFor, ownerTag } from './alert-owner';
import type { StockAlertInput } from './alert-schemas';
import { deleteAlert, putAlert, readOwnerAlerts, readProductAlerts } from './alert-store';
import { readUnsubscribeToken } from './unsubscribe-token';

// Subscribing and unsubscribing. A subscription is one item per (variant or product, owner): asking twice keeps
// one, and each new subscription carries its own createdAt, which keys the one email it may cause.

async function productOrNotFound(productId: string) {
  const record = (await getProductRecords([productId])).get(productId);
  if (!record) throw new AppError('NOT_FOUND', `There is no product "${productId}".`);
  return record;
}

export async function subscribeToRestock(user: SessionUser | null, input: StockAlertInput): Promise<void> {
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
  await putAlert({
    productId: record.id,
    subscriptionId: `restock#${input.variantId}#${ownerTag(ownerKey)}`,
    kind: 'restock',
    variantId: input.variantId,
    email: normaliseEmail(email),
    ownerKey,
    createdAt: new Date().toISOString(),
  });
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
