import 'server-only';

// Public entry of the interactions domain: shopper events for recommendations (docs/recommendations.md).
export type { Interaction, InteractionType } from './record-interaction';
export { recordInteraction, recordInteractionLater } from './record-interaction';
export { currentInteractionActor } from './current-actor';
export { recordInteractionAfterResponse } from './after-response';
