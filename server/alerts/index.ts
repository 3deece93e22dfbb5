import 'server-only';

// Public entry of the alerts domain (docs/engagement.md): back-in-stock and price-drop subscriptions, and the
// emails the products stream sends for them.
export { priceAlertSchema, stockAlertSchema } from './alert-schemas';
export { notifyAlertsForProductChanges } from './notify-alerts';
export {
  cancelPriceDrop,
  confirmRestockWithToken,
  eraseUserAlerts,
  priceDropProductIds,
  subscribeToPriceDrop,
  subscribeToRestock,
  unsubscribeWithToken,
} from './subscribe';
