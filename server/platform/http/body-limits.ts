// How much body a request may send, and how long it may pause while sending it. One place for the route helpers
// (respond.ts), the local server in front of Next (local/next-server.ts) and the docs (docs/deploy.md).

/** parseJsonBody's default limit; a route may pass a lower one (the assistant takes 4 KiB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** Anything outside /api (server actions, form posts): Next's own server-action limit. */
export const MAX_PAGE_BODY_BYTES = 1024 * 1024;
/** A body read that receives nothing for this long is abandoned with 408 (a stalled or trickling client). */
export const BODY_IDLE_TIMEOUT_MS = 5_000;
