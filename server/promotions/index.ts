import 'server-only';

export { createPromotion, updatePromotion } from './change-promotion';
export type { AppliedDiscount, DiscountRefusal, Promotion } from './contract';
// Public entry of the promotions domain (docs/promotions.md).
//   Cart and checkout: loadOffer (what applies to a cart), priceWithPromotions (the one pricing function),
//   redemptionItems (counted inside the checkout transaction), the refusal errors.
//   Orders: releaseItems (a cancelled order gives its redemptions back, inside the cancellation's transaction).
//   Orders stream: countStreamedRedemptions (uses of unlimited automatic promotions, counted after the order).
//   Admin routes: list, create, update, history (each checks the marketers group itself).
export { countStreamedRedemptions } from './count-streamed-redemptions';
export { discountUnavailableError, invalidDiscountError, refusalMessage } from './discount-errors';
export { customerKeyOf, deliveryKeyOf, loadOffer, NO_OFFER, type PromotionOffer } from './load-offer';
export { normaliseCode, type PricedPromotions, type PricingLine, priceWithPromotions } from './price-with-promotions';
export { listPromotions, promotionHistory, promotionHistoryQuery } from './promotion-admin-reads';
export { type PromotionRouteContext, promotionCodeParam } from './promotion-code-param';
export { createPromotionSchema, promotionPatchSchema } from './promotion-schema';
export { type PromotionAuditEntry, type Redemption, redemptionItems, releaseItems } from './promotion-store';
