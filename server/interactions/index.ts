import 'server-only';

export { recordInteractionAfterResponse } from './after-response';
// Public entry of the interactions domain: shopper events for recommendations (docs/recommendations.md).
export { currentInteractionActor } from './current-actor';
// Account deletion (server/account).
export { eraseInteractionsOf } from './erase-interactions';
export { interactionsOf } from './read-interactions';
export { recentlyViewed } from './recently-viewed';
