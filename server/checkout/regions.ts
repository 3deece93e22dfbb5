// Where the shop ships, with the regions a form offers and the postal code shape each country uses.

export type CountryCode = 'US' | 'CA' | 'GB' | 'DE' | 'FR';

export type CountryRule = {
  name: string;
  /** Region list when the country needs one (US states, Canadian provinces); free text otherwise. */
  regions?: Readonly<Record<string, string>>;
  regionLabel: string;
  postalLabel: string;
  postalPattern: RegExp;
  postalExample: string;
};

export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

export const CA_PROVINCES: Readonly<Record<string, string>> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};

export const COUNTRIES: Readonly<Record<CountryCode, CountryRule>> = {
  US: { name: 'United States', regions: US_STATES, regionLabel: 'State', postalLabel: 'ZIP code', postalPattern: /^\d{5}(-\d{4})?$/, postalExample: '94105' },
  CA: {
    name: 'Canada',
    regions: CA_PROVINCES,
    regionLabel: 'Province',
    postalLabel: 'Postal code',
    postalPattern: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
    postalExample: 'K1A 0B1',
  },
  GB: {
    name: 'United Kingdom',
    regionLabel: 'County',
    postalLabel: 'Postcode',
    postalPattern: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
    postalExample: 'SW1A 1AA',
  },
  DE: { name: 'Germany', regionLabel: 'State', postalLabel: 'Postal code', postalPattern: /^\d{5}$/, postalExample: '10115' },
  FR: { name: 'France', regionLabel: 'Region', postalLabel: 'Postal code', postalPattern: /^\d{5}$/, postalExample: '75001' },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES) as CountryCode[];
