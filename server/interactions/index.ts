import 'server-only';

export { recordInteractionAfterResponse } from './after-response';
// Public entry of the interactions domain: shopper events for recommendations (docs/recommendations.md).
export { currentInteractionActor } from './current-actor';
export { recentlyViewed } from './recently-viewed';
