import 'server-only';
// Public entry of the interactions domain: shopper events for recommendations (docs/recommendations.md).
export { currentInteractionActor } from './current-actor';
export { recordInteractionAfterResponse } from './after-response';
