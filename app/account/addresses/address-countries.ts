import 'server-only';
import type { AddressCountry } from '@/components/account/address-form';
import { COUNTRIES, COUNTRY_CODES } from '@/server/checkout';

/** Serializable country rules for the address form (no RegExp across the server/client boundary). */
export function addressCountries(): AddressCountry[] {
  return COUNTRY_CODES.map((code) => ({
    code,
    name: COUNTRIES[code].name,
    regions: COUNTRIES[code].regions ? Object.entries(COUNTRIES[code].regions ?? {}) : null,
  }));
}
