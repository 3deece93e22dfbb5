import type { Campaign, Segment } from '@/server/campaigns';

// How a campaign reads on the marketer's pages: who it is for, and how far its send has got.

export function describeSegment(segment: Segment, names: { categories?: Record<string, string>; products?: Record<string, string> } = {}): string {
  const range = segment.from === segment.to ? `on ${segment.from}` : `from ${segment.from} to ${segment.to}`;
  if (segment.kind === 'bought-in-category') return `Bought in ${names.categories?.[segment.category] ?? segment.category} ${range}`;
  return `Viewed ${names.products?.[segment.productId] ?? segment.productId} but did not buy it, ${range}`;
}

type Progress = Pick<Campaign, 'status' | 'total' | 'sent' | 'skipped' | 'failed'>;

export const STATUS_LABEL: Record<Campaign['status'], string> = { draft: 'Draft (not sent)', sending: 'Sending', sent: 'Sent' };

/** "Sent 3 of 5", plus what was skipped or failed; a draft has no audience counted yet. */
export function describeProgress(p: Progress): string {
  if (p.status === 'draft' && p.total === 0) return 'Not sent yet';
  const extra = [p.skipped ? `${p.skipped} skipped (consent withdrawn)` : '', p.failed ? `${p.failed} failed` : ''].filter(Boolean);
  return `Sent ${p.sent} of ${p.total}${extra.length ? `; ${extra.join(', ')}` : ''}`;
}
