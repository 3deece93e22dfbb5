import type { Store } from './contract';

// Demo stores in real US cities (generated once, committed; no network at run time). Coordinates are the city
// centres from the gazetteer, so distances are realistic; street addresses are invented. `fulfilment` stores ship
// orders and are the origins for delivery estimates.

const weekday = { open: '09:00', close: '21:00' };
const saturday = { open: '10:00', close: '20:00' };
const sunday = { open: '11:00', close: '18:00' };
const standardHours = [
  { days: 'Mon–Fri', ...weekday },
  { days: 'Sat', ...saturday },
  { days: 'Sun', ...sunday },
];

type Row = [id: string, city: string, region: string, postalCode: string, street: string, lat: number, lng: number, fulfilment: boolean];

const rows: Row[] = [
  ['sea-downtown', 'Seattle', 'WA', '98101', '1420 5th Ave', 47.6106, -122.3351, true],
  ['sea-ballard', 'Seattle', 'WA', '98107', '5300 Ballard Ave NW', 47.6677, -122.3847, false],
  ['bellevue', 'Bellevue', 'WA', '98004', '575 Bellevue Square', 47.6159, -122.2035, false],
  ['tacoma', 'Tacoma', 'WA', '98402', '1101 Pacific Ave', 47.2529, -122.4443, false],
  ['portland', 'Portland', 'OR', '97205', '800 SW Morrison St', 45.5202, -122.6797, true],
  ['spokane', 'Spokane', 'WA', '99201', '707 W Main Ave', 47.6588, -117.426, false],
  ['boise', 'Boise', 'ID', '83702', '350 N 9th St', 43.615, -116.2023, false],
  ['sf-union-square', 'San Francisco', 'CA', '94108', "170 O'Farrell St", 37.7866, -122.4075, true],
  ['oakland', 'Oakland', 'CA', '94612', '1955 Broadway', 37.8087, -122.2687, false],
  ['san-jose', 'San Jose', 'CA', '95113', '150 S 1st St', 37.3337, -121.8907, false],
  ['sacramento', 'Sacramento', 'CA', '95814', '1015 K St', 38.5796, -121.4944, false],
  ['los-angeles', 'Los Angeles', 'CA', '90017', '735 S Figueroa St', 34.0494, -118.2606, true],
  ['san-diego', 'San Diego', 'CA', '92101', '600 Horton Plaza', 32.7157, -117.1611, false],
  ['las-vegas', 'Las Vegas', 'NV', '89109', '3200 Las Vegas Blvd S', 36.1263, -115.17, false],
  ['phoenix', 'Phoenix', 'AZ', '85004', '2 E Jefferson St', 33.4484, -112.074, true],
  ['salt-lake-city', 'Salt Lake City', 'UT', '84101', '50 S Main St', 40.7683, -111.891, false],
  ['denver', 'Denver', 'CO', '80202', '1601 16th St', 39.7392, -104.9903, true],
  ['albuquerque', 'Albuquerque', 'NM', '87102', '400 Central Ave SW', 35.0844, -106.6504, false],
  ['dallas', 'Dallas', 'TX', '75201', '1700 Pacific Ave', 32.7767, -96.797, true],
  ['austin', 'Austin', 'TX', '78701', '600 Congress Ave', 30.2672, -97.7431, false],
  ['houston', 'Houston', 'TX', '77002', '1000 Main St', 29.7604, -95.3698, false],
  ['minneapolis', 'Minneapolis', 'MN', '55402', '700 Nicollet Mall', 44.9778, -93.265, false],
  ['chicago', 'Chicago', 'IL', '60611', '520 N Michigan Ave', 41.8919, -87.6245, true],
  ['detroit', 'Detroit', 'MI', '48226', '1 Campus Martius', 42.3314, -83.0458, false],
  ['atlanta', 'Atlanta', 'GA', '30303', '191 Peachtree St NE', 33.749, -84.388, true],
  ['miami', 'Miami', 'FL', '33131', '701 Brickell Ave', 25.7617, -80.1918, false],
  ['nashville', 'Nashville', 'TN', '37219', '401 Church St', 36.1627, -86.7816, false],
  ['washington-dc', 'Washington', 'DC', '20004', '1300 Pennsylvania Ave NW', 38.8951, -77.0364, false],
  ['new-york', 'New York', 'NY', '10001', '350 5th Ave', 40.7484, -73.9857, true],
  ['brooklyn', 'Brooklyn', 'NY', '11201', '445 Albee Square', 40.6913, -73.9833, false],
  ['boston', 'Boston', 'MA', '02108', '100 Tremont St', 42.3564, -71.0621, false],
  ['philadelphia', 'Philadelphia', 'PA', '19107', '1100 Market St', 39.9516, -75.1593, false],
];

// Cities with two stores need a name that tells them apart.
const NAMES: Record<string, string> = { 'sea-downtown': 'Seattle Downtown', 'sea-ballard': 'Seattle Ballard' };

export const STORES: readonly Store[] = rows.map(([id, city, region, postalCode, street, lat, lng, fulfilment]) => ({
  id,
  name: `Trail & Table ${NAMES[id] ?? city}`,
  address: { line1: street, city, region, postalCode, country: 'US' },
  lat,
  lng,
  hours: standardHours,
  fulfilment,
}));
