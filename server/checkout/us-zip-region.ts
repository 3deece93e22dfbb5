import { stateOfUsZip } from '../locations';
import { US_STATES } from './regions';

// Tax follows the state, and the state is whatever the shopper picked: a US address is only taxed by a state its
// ZIP code confirms (issue 19.6: "OR" with a San Francisco ZIP paid no tax). The bundled ZIP table (npm
// `zipcodes`, through server/locations) maps each 5-digit ZIP to one state; a ZIP that straddles a state line is
// listed under one of them, an accepted limit of the stand-in (docs/checkout.md).

type AddressIssue = { field: 'region' | 'postalCode'; message: string };

/** Why a US state and ZIP code cannot both be right, or null when the ZIP is in that state. */
export function usZipRegionIssue(region: string, postalCode: string): AddressIssue | null {
  const zip = postalCode.slice(0, 5);
  const zipState = stateOfUsZip(zip);
  if (!zipState) return { field: 'postalCode', message: `${zip} is not a US ZIP code we know. Check it against your address.` };
  const zipStateName = US_STATES[zipState];
  if (!zipStateName) return { field: 'postalCode', message: `${zip} is outside the 50 states and DC that we ship to.` };
  if (zipState === region.toUpperCase()) return null;
  const chosen = US_STATES[region.toUpperCase()] ?? region;
  return { field: 'region', message: `${chosen} does not match ZIP code ${zip}, which is in ${zipStateName}. Check the state and the ZIP code.` };
}
