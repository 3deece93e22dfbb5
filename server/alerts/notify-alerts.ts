import type { ProductRecord } from '../catalog';
import { alertEmail, sendEmailOnce } from '../notifications';
import { getConfig } from '../platform/config';
import { formatMoney, money } from '../platform/money';
import { logger } from '../platform/observability';
import { deleteAlert, readProductAlerts } from './alert-store';
import type { StoredAlert } from './contract';
import { priceFell, restockedVariants } from './product-transitions';
import { unsubscribeToken } from './unsubscribe-token';

// Called by the products stream consumer for every batch. A product that did not restock a variant or drop its
// price costs nothing (no read). Otherwise each waiting subscription gets one email through SES and then ends.
// Redelivery (a retried batch, a replay) is safe twice over: the email's marker is keyed by the subscription
// instance and the transition, and the subscription is gone once it fired.

const log = logger.child({ component: 'alerts' });

export type AlertChange = { productId: string; oldImage: ProductRecord | null; newImage: ProductRecord | null };

function variantLabel(record: ProductRecord, variantId: string): string {
  const v = record.variants.find((x) => x.id === variantId);
  return v ? Object.values(v.options).join(' / ') || record.name : variantId;
}

async function fire(alert: StoredAlert, record: ProductRecord, transition: string, mail: Parameters<typeof alertEmail>[0]): Promise<void> {
  const outcome = await sendEmailOnce({ subject: `alert#${alert.productId}#${alert.subscriptionId}#${alert.createdAt}`, event: transition }, alert.email, () =>
    alertEmail(mail),
  );
  // A failed send keeps the subscription (its marker was released): the next transition tries again.
  if (outcome === 'failed') return;
  await deleteAlert(alert, alert.createdAt);
  log.info('alert fired', { productId: record.id, kind: alert.kind, outcome });
}

export async function notifyAlertsForProductChanges(changes: readonly AlertChange[]): Promise<void> {
  const site = getConfig().SITE_URL;
  for (const change of changes) {
    const record = change.newImage;
    if (!record) continue;
    const restocked = restockedVariants(change);
    const cheaper = priceFell(change);
    if (restocked.length === 0 && !cheaper) continue;
    const alerts = await readProductAlerts(change.productId);
    const productUrl = new URL(`/p/${record.slug}`, site).toString();
    for (const alert of alerts) {
      // Unconfirmed guest subscriptions (double opt-in) send nothing.
      if (alert.pending) continue;
      const unsubscribeUrl = new URL(`/alerts/unsubscribe?${new URLSearchParams({ t: unsubscribeToken(alert.productId, alert.ownerKey) })}`, site).toString();
      if (alert.kind === 'restock' && alert.variantId && restocked.includes(alert.variantId)) {
        await fire(alert, record, `restock:${alert.variantId}`, {
          kind: 'restock',
          productName: record.name,
          variantLabel: variantLabel(record, alert.variantId),
          productUrl,
          unsubscribeUrl,
        });
      } else if (alert.kind === 'price-drop' && cheaper && alert.priceAtSubscribe !== undefined && record.minPrice < alert.priceAtSubscribe) {
        await fire(alert, record, `price-drop`, {
          kind: 'price-drop',
          productName: record.name,
          oldPrice: formatMoney(money(alert.priceAtSubscribe, record.currency)),
          newPrice: formatMoney(money(record.minPrice, record.currency)),
          productUrl,
          unsubscribeUrl,
        });
      }
    }
  }
}
