import { after } from 'next/server';
import { type Interaction, recordInteractionLater } from './record-interaction';

/**
 * Records an interaction once the response has been sent (Next's after()). Outside a Next request (route
 * handlers called directly by tests or scripts) after() throws, so the write is started at once instead, still
 * unawaited: recording must never turn a placed order or an added line into an error.
 */
export function recordInteractionAfterResponse(interaction: Interaction): void {
  try {
    after(() => recordInteractionLater(interaction));
  } catch {
    recordInteractionLater(interaction);
  }
}
