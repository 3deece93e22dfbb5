import { z } from 'zod';
import { displayName, signUpBody } from '../identity';

// PATCH /api/account: unknown fields are refused (a typo should not silently do nothing).
export const accountPatchBody = z
  .object({
    name: displayName.optional(),
    marketingConsent: z.boolean({ error: 'must be true or false' }).optional(),
    analyticsConsent: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.marketingConsent !== undefined || b.analyticsConsent !== undefined, {
    message: 'Send a name, marketingConsent or analyticsConsent.',
  });

/** POST /api/auth/sign-up may carry the marketing answer of the form's checkbox (off unless ticked). */
export const signUpWithConsentBody = signUpBody.extend({ marketingConsent: z.boolean({ error: 'must be true or false' }).optional() });
