import { describe, expect, it } from 'vitest';
import { addressPatchBody, newAddressBody, validateAddress } from './address-schema';

const home = { name: 'Ada', line1: '1 Way', city: 'San Francisco', region: 'ca', postalCode: '94105', country: 'US' };

// The first US address loads the bundled ZIP table (server/locations), which takes seconds on a loaded machine.
describe('saved address bodies', { timeout: 30_000 }, () => {
  it('takes isDefault apart from the address and normalises the address as checkout does', () => {
    const parsed = newAddressBody.parse({ ...home, isDefault: true, price: 1 });
    expect(parsed).toEqual({ isDefault: true, address: { ...home, region: 'CA', line2: undefined } });
    expect(newAddressBody.parse({ ...home, country: 'GB', region: '', postalCode: 'sw1a 2aa' }).address.postalCode).toBe('SW1A 2AA');
  });

  it('puts each problem under its field', () => {
    const paths = (body: unknown) => newAddressBody.safeParse(body).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...home, region: 'OR' })).toEqual(['region']);
    expect(paths({ ...home, country: 'CA', region: 'ON', postalCode: '94105' })).toEqual(['postalCode']);
    expect(paths({ ...home, isDefault: 'yes' })).toEqual(['isDefault']);
  });

  it('refuses unknown fields in a patch and checks a merged address whole', () => {
    expect(addressPatchBody.safeParse({ userId: 'someone-else' }).success).toBe(false);
    expect(validateAddress({ ...home, postalCode: '10001' })).toMatchObject({ ok: false, issues: [{ path: 'region' }] });
  });
});
