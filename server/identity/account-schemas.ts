import { z } from 'zod';
import { PASSWORD_POLICY_MESSAGE } from './cognito-errors';

// Request bodies of the account routes. Messages are written for the form fields they end up under
// (VALIDATION_FAILED details carry the field path). New passwords are checked against the pool's policy here
// (local/provision.ts and the deployed pool: 8+ characters, upper, lower, digit), because cognito-local does not
// enforce it and a shopper should hear about it before Cognito does.

const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

/** A password being chosen: length limits plus the pool's character classes. */
const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  // abort: one message per field; a short password would otherwise hear the policy twice.
  .min(8, { error: PASSWORD_POLICY_MESSAGE, abort: true })
  .max(256, { error: 'A password is at most 256 characters.', abort: true })
  .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /[0-9]/.test(p), PASSWORD_POLICY_MESSAGE);

/** A password being typed to sign in: the policy is not repeated, a wrong one is simply wrong. */
const currentPasswordSchema = z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(256, 'A password is at most 256 characters.');

// What a display name may not carry: C0/C1 controls, markup brackets, line/paragraph separators and the bidi
// controls that reorder text around the name (an e-mail's "Hi ‮…" reading backwards). Also applied to every name
// read back from Cognito, where the user could have set it without this form (issue 30 L6: display-name.ts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point, to refuse them
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f<>\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const displayNameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'A name is at most 100 characters.')
  .refine((n) => !FORBIDDEN_IN_NAME.test(n), 'A name cannot contain control characters, angle brackets or text-direction marks.');

const confirmationCodeSchema = z
  .string({ error: 'Enter the code from the email.' })
  .trim()
  .regex(/^[0-9]{4,10}$/, 'Enter the code from the email: digits only.');

export const signUpBody = z.object({ email: emailSchema, password: newPasswordSchema, name: displayNameSchema });
export const confirmBody = z.object({ email: emailSchema, code: confirmationCodeSchema });
export const signInBody = z.object({ email: emailSchema, password: currentPasswordSchema });
export const forgotPasswordBody = z.object({ email: emailSchema });
export const resetPasswordBody = z.object({ email: emailSchema, code: confirmationCodeSchema, password: newPasswordSchema });

// The signed-in account's own forms (/api/account*).
export const changePasswordBody = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });
export const deleteAccountBody = z.object({ password: currentPasswordSchema });
export const displayName = displayNameSchema;
