// What an analytics string must never carry: something shaped like an email address, or a run of 9+ digits (a
// phone or card number). Checked by the event schema and by the search-query normaliser.
const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const LONG_DIGITS = /\d[\d\s-]{7,}\d/;

export function carriesContactDetails(s: string): boolean {
  return EMAIL_LIKE.test(s) || LONG_DIGITS.test(s);
}
