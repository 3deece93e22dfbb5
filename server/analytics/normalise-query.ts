import { carriesContactDetails } from './contact-details';

// Search queries as the dashboard groups them: "Red  Shoes " and "red shoes" are one search. Cut to the schema's
// 100 characters. Returns null for a query the lake must not keep (blank, or carrying contact details): such a
// search is simply not recorded.

export function normaliseQuery(q: string): string | null {
  const out = q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100).trim();
  if (!out || carriesContactDetails(out)) return null;
  return out;
}
