'use client';

import { useShopper } from '@/components/shopper/shopper-context';
import { AssistantLauncher } from './assistant-launcher';

// Shown only while `chat-assistant` is on for this shopper (evaluated server-side in /api/shopper); an island, as
// the layout around it is cached HTML shared by every shopper.
export function AssistantWidget() {
  return useShopper()?.flags['chat-assistant'] ? <AssistantLauncher /> : null;
}
