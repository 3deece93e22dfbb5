// The documented speed model for delivery estimates (docs/locations.md). Business days, counted from the day the
// order is placed:
//   handling   1 day to pick and pack at the fulfilment store;
//   road       the route's distance (Amazon Location CalculateRoute), or the great-circle distance x 1.25
//              (typical US road circuity) when no route is available;
//   standard   ground linehaul at 800 km a day (a truck at ~65 km/h for ~12 h), at least 1 day;
//   express    air for anything past one day of driving: 1 day within 800 km, otherwise 2.
// The range's upper bound adds one day of slack for carrier hand-offs.

export type DeliveryMethod = 'standard' | 'express';

export const ROAD_CIRCUITY = 1.25;
export const GROUND_KM_PER_DAY = 800;
export const HANDLING_DAYS = 1;

export type DeliveryDays = { minDays: number; maxDays: number; roadKm: number };

export function estimateDeliveryDays(params: { greatCircleKm: number; routeKm?: number; method: DeliveryMethod }): DeliveryDays {
  const roadKm = Math.round(params.routeKm ?? params.greatCircleKm * ROAD_CIRCUITY);
  const groundDays = Math.max(1, Math.ceil(roadKm / GROUND_KM_PER_DAY));
  const transit = params.method === 'express' ? Math.min(groundDays, 2) : groundDays;
  const minDays = HANDLING_DAYS + transit;
  return { minDays, maxDays: minDays + 1, roadKm };
}

/** Adds business days (Mon–Fri) to a date, in UTC so server and test agree. */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}
