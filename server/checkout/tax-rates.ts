import type { CountryCode } from './regions';

// Sales tax / VAT in basis points (725 = 7.25%), applied to the merchandise subtotal only (shipping is not
// taxed here). US: state-level base rates; local and county add-ons are not modelled, and half basis points are
// rounded up (MN 6.875% → 688). Canada: federal GST only. EU/UK: standard VAT. A real deployment would call a
// tax service; this table is the documented stand-in (docs/checkout.md).

export const US_STATE_TAX_BPS: Readonly<Record<string, number>> = {
  AL: 400,
  AK: 0,
  AZ: 560,
  AR: 650,
  CA: 725,
  CO: 290,
  CT: 635,
  DE: 0,
  DC: 600,
  FL: 600,
  GA: 400,
  HI: 400,
  ID: 600,
  IL: 625,
  IN: 700,
  IA: 600,
  KS: 650,
  KY: 600,
  LA: 500,
  ME: 550,
  MD: 600,
  MA: 625,
  MI: 600,
  MN: 688,
  MS: 700,
  MO: 423,
  MT: 0,
  NE: 550,
  NV: 685,
  NH: 0,
  NJ: 663,
  NM: 488,
  NY: 400,
  NC: 475,
  ND: 500,
  OH: 575,
  OK: 450,
  OR: 0,
  PA: 600,
  RI: 700,
  SC: 600,
  SD: 420,
  TN: 700,
  TX: 625,
  UT: 610,
  VT: 600,
  VA: 530,
  WA: 650,
  WV: 600,
  WI: 500,
  WY: 400,
};

export const COUNTRY_TAX_BPS: Readonly<Record<Exclude<CountryCode, 'US'>, number>> = {
  CA: 500,
  GB: 2000,
  DE: 1900,
  FR: 2000,
};

/** The rate for an address; the address schema guarantees a US region is a known state. */
export function taxRateBasisPoints(address: { country: CountryCode; region: string }): number {
  if (address.country === 'US') return US_STATE_TAX_BPS[address.region.toUpperCase()] ?? 0;
  return COUNTRY_TAX_BPS[address.country];
}
