/** One subscription in the alerts table (key: productId + subscriptionId). */
export type StoredAlert = {
  productId: string;
  /** `restock#<variantId>#<owner hash>` or `price#<owner hash>`: one per (variant or product, owner). */
  subscriptionId: string;
  kind: 'restock' | 'price-drop';
  variantId: string | null;
  email: string;
  /** `user#<sub>` for a signed-in shopper, `email#<hash>` for a guest: account deletion and unsubscribe find it. */
  ownerKey: string;
  /** Which subscription this is: re-subscribing later is a new one, and its email is keyed apart from the last. */
  createdAt: string;
  /**
   * A guest's subscription until its owner follows the emailed confirmation link (double opt-in, issue 30 M8):
   * nothing is sent for it, and it lapses unconfirmed. Absent once confirmed, and for signed-in shoppers.
   */
  pending?: true;
  /** price-drop: the lowest price when the shopper opted in (minor units); an alert fires below it. */
  priceAtSubscribe?: number;
};
