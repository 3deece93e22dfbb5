import { describe, expect, it } from 'vitest';
import { decodeGuestGrants, encodeGuestGrants, MAX_GRANTS, withGrant } from './guest-order-grant';

const SECRET = 'unit-test-secret-0123456789';
const owner = `guest#${'a'.repeat(22)}`;
const id = (n: number) => `ord_${n.toString(36).padStart(9, '0')}AbCdEfGh`;

describe('the guest order cookie', () => {
  it('round-trips grants, newest first, without repeats', () => {
    const grants = withGrant(withGrant([], { orderId: id(1), owner }), { orderId: id(2), owner });
    const again = withGrant(grants, { orderId: id(1), owner });
    expect(again.map((g) => g.orderId)).toEqual([id(1), id(2)]);
    expect(decodeGuestGrants(encodeGuestGrants(again, SECRET), SECRET)).toEqual(again);
  });

  it('keeps at most MAX_GRANTS orders, so the cookie stays small', () => {
    let grants: { orderId: string; owner: string }[] = [];
    for (let n = 0; n < MAX_GRANTS + 5; n++) grants = withGrant(grants, { orderId: id(n), owner });
    expect(grants).toHaveLength(MAX_GRANTS);
    expect(grants[0]?.orderId).toBe(id(MAX_GRANTS + 4));
    expect(encodeGuestGrants(grants, SECRET).length).toBeLessThan(1024);
  });

  it('grants nothing for a tampered, re-signed, foreign or malformed value', () => {
    const value = encodeGuestGrants([{ orderId: id(1), owner }], SECRET);
    const [payload, sig] = value.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify([[id(9), owner]])).toString('base64url');
    for (const bad of [
      `${otherPayload}.${sig}`,
      `${payload}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      encodeGuestGrants([{ orderId: id(1), owner }], 'another-secret-0123456789'),
      payload,
      '',
      undefined,
      `${'x'.repeat(5000)}.${sig}`,
    ]) {
      expect(decodeGuestGrants(bad, SECRET)).toEqual([]);
    }
  });
});
