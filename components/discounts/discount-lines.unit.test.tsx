import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { money } from '@/server/platform/money';
import { DiscountLines } from './discount-lines';

// The cart drawer's discount list reads like the cart page's: automatic promotions by description, a code with its
// code, amounts as "−$x", free shipping by name, and a code that no longer applies with its reason.

describe('DiscountLines', () => {
  it('lists automatic and code discounts with their amounts, and a refused code with its reason', () => {
    const html = renderToStaticMarkup(
      <DiscountLines
        cart={{
          discounts: [
            { code: 'AUTO5', description: '5% off everything', kind: 'percent', automatic: true, amount: money(150), shipping: money(0) },
            { code: 'SHIPFREE', description: 'Free shipping', kind: 'free-shipping', automatic: false, amount: money(0), shipping: money(0) },
          ],
          discountIssue: { code: 'OLD10', reason: 'expired', message: 'That code has ended.' },
        }}
      />,
    );
    expect(html).toContain('aria-label="Discounts"');
    expect(html).toContain('5% off everything');
    expect(html).toContain('−$1.50');
    expect(html).toContain('Free shipping (SHIPFREE)');
    expect(html).toContain('Code OLD10');
    expect(html).toContain('That code has ended.');
  });

  it('renders nothing without discounts', () => {
    expect(renderToStaticMarkup(<DiscountLines cart={{ discounts: [], discountIssue: null }} />)).toBe('');
  });
});
