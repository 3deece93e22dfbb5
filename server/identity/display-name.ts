import { displayName } from './account-schemas';

// A display name as the shop shows it (header, e-mails, reviews), from wherever it was read. Names are written only
// through the shop's own forms (sign-up, account), which apply `displayName`; but a Cognito attribute can be set
// around them (UpdateUserAttributes with the user's own access token and the public app client id: issue 30 L6,
// which the app client's WriteAttributes now refuses on AWS; cognito-local ignores WriteAttributes). So every name
// read back from Cognito is checked again, and one the form would have refused becomes the neutral NEUTRAL_NAME.

export const NEUTRAL_NAME = 'Shopper';

/** The name when the shop's own rules accept it (trimmed), else the neutral name. */
export function shownName(raw: string | null | undefined): string {
  const parsed = displayName.safeParse(raw ?? '');
  return parsed.success ? parsed.data : NEUTRAL_NAME;
}
