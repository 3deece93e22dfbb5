import { isEnabled } from '@/server/flags';
import { AssistantLauncher } from './assistant-launcher';

// Server gate for the widget: rendered only while `chat-assistant` is on for this shopper; a flag failure hides it.
export async function AssistantWidget() {
  const on = await isEnabled('chat-assistant').catch(() => false);
  return on ? <AssistantLauncher /> : null;
}
