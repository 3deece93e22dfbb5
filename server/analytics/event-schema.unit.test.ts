import { describe, expect, it } from 'vitest';
import { analyticsEventSchema, EVENT_SCHEMA_VERSION } from './event-schema';
import { LAKE_COLUMNS, toLakeRow } from './lake-columns';
import { normaliseQuery } from './normalise-query';

const base = {
  v: EVENT_SCHEMA_VERSION,
  eventId: '0b5c4b52-7f4e-4d55-9d0e-6f2b1c3a4e5f',
  at: 1_764_547_200_000,
  visitorId: 'v_abcdefghijklmnopqrstuv',
  signedIn: false,
};

describe('the analytics event schema', () => {
  it('accepts one event of each type', () => {
    const events = [
      { ...base, type: 'page-view', path: '/c/shoes' },
      { ...base, type: 'product-view', productId: 'p-123' },
      { ...base, type: 'search', query: 'red shoes', resultCount: 0, zeroResults: true },
      { ...base, type: 'add-to-cart', productId: 'p-123', quantity: 2 },
      { ...base, type: 'checkout-started', itemCount: 3 },
      { ...base, type: 'order-placed', orderId: 'ord_1', valueMinor: 4599, currency: 'USD', itemCount: 2 },
      { ...base, type: 'flag-exposure', flagKey: 'top-sellers', variant: 'off', bucket: 4321, rolloutPercent: 30 },
    ];
    for (const e of events) expect(analyticsEventSchema.safeParse(e).success, e.type).toBe(true);
  });

  it('refuses fields it does not name, so an email, a name or an address cannot ride along', () => {
    for (const extra of [{ email: 'ann@example.com' }, { name: 'Ann Lee' }, { shippingAddress: { line1: '1 Main St' } }, { userId: 'sub-1' }]) {
      const r = analyticsEventSchema.safeParse({ ...base, type: 'order-placed', orderId: 'ord_1', valueMinor: 100, currency: 'USD', itemCount: 1, ...extra });
      expect(r.success, JSON.stringify(extra)).toBe(false);
    }
  });

  it('refuses contact details inside free text', () => {
    const search = (query: string) => analyticsEventSchema.safeParse({ ...base, type: 'search', query, resultCount: 1, zeroResults: false }).success;
    expect(search('ann.lee@example.com')).toBe(false);
    expect(search('call 555 123 4567')).toBe(false);
    expect(search('4111 1111 1111 1111')).toBe(false);
    expect(search('size 42 boots')).toBe(true);
  });

  it('refuses a page path that carries an email once percent-decoded (issue 30 L7)', () => {
    const pageView = (path: string) => analyticsEventSchema.safeParse({ ...base, type: 'page-view', path }).success;
    expect(pageView('/p/ann.lee%40example.com')).toBe(false);
    expect(pageView('/p/ann.lee%2540example.com')).toBe(true); // decoded once: "%40", no email
    expect(pageView('/carrier/track/%34111111111111111')).toBe(false);
    expect(pageView('/p/%ff')).toBe(false);
    expect(pageView('/p/red-shoes')).toBe(true);
  });

  it('refuses an unknown version, type or a bad visitor id', () => {
    expect(analyticsEventSchema.safeParse({ ...base, v: 2, type: 'product-view', productId: 'p' }).success).toBe(false);
    expect(analyticsEventSchema.safeParse({ ...base, type: 'refund', productId: 'p' }).success).toBe(false);
    expect(analyticsEventSchema.safeParse({ ...base, visitorId: 'sf_anon_raw', type: 'product-view', productId: 'p' }).success).toBe(false);
  });

  it('maps an event onto the flat lake row, with nulls for other types’ fields', () => {
    const row = toLakeRow({ ...base, type: 'search', query: 'red shoes', resultCount: 0, zeroResults: true });
    expect(Object.keys(row)).toEqual(LAKE_COLUMNS.map((c) => c.name));
    expect(row).toMatchObject({ type: 'search', query: 'red shoes', result_count: 0, zero_results: true, order_id: null, at_ms: base.at });
  });
});

describe('search query normalisation', () => {
  it('groups spellings of one search and drops what must not be kept', () => {
    expect(normaliseQuery('  Red   SHOES ')).toBe('red shoes');
    expect(normaliseQuery('   ')).toBeNull();
    expect(normaliseQuery('ann@example.com')).toBeNull();
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(100);
  });
});
