import { describe, expect, it } from 'vitest';
import { describeProgress, describeSegment } from './describe-campaign';

describe('describeSegment', () => {
  it('names the category or product and the date range', () => {
    expect(
      describeSegment({ kind: 'bought-in-category', category: 'coffee', from: '2026-11-01', to: '2026-11-30' }, { categories: { coffee: 'Coffee' } }),
    ).toBe('Bought in Coffee from 2026-11-01 to 2026-11-30');
    expect(describeSegment({ kind: 'viewed-not-bought', productId: 'p1', from: '2026-11-02', to: '2026-11-02' })).toBe(
      'Viewed p1 but did not buy it, on 2026-11-02',
    );
  });
});

describe('describeProgress', () => {
  it('reads sent of total, and what was skipped or failed', () => {
    expect(describeProgress({ status: 'draft', total: 0, sent: 0, skipped: 0, failed: 0 })).toBe('Not sent yet');
    expect(describeProgress({ status: 'sending', total: 5, sent: 2, skipped: 0, failed: 0 })).toBe('Sent 2 of 5');
    expect(describeProgress({ status: 'sent', total: 5, sent: 3, skipped: 1, failed: 1 })).toBe('Sent 3 of 5; 1 skipped (consent withdrawn), 1 failed');
  });
});
