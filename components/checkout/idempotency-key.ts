/**
 * One key per checkout attempt. crypto.randomUUID exists only in secure contexts (https, localhost); a shop
 * opened over plain http on a LAN address still needs a key, so fall back to getRandomValues (available everywhere).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
