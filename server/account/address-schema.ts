import { z } from 'zod';
import { shippingAddressSchema } from '../checkout';

// A saved address is exactly a checkout shipping address (the same per-country rules: a US ZIP in the chosen state,
// a Canadian postal code, a UK postcode), so anything saved can be shipped to, plus whether it is the default.

export type AddressFields = z.infer<typeof shippingAddressSchema>;
export type SavedAddress = AddressFields & { id: string; isDefault: boolean };

const isDefaultSchema = z.boolean({ error: 'must be true or false' }).optional();

export const newAddressBody = z
  .object({ isDefault: isDefaultSchema })
  .passthrough()
  .transform((body, ctx) => {
    const { isDefault, ...fields } = body;
    const parsed = shippingAddressSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { address: parsed.data, isDefault: isDefault === true };
  });

/** A PATCH: any of the fields; the merged address is validated as a whole (a new ZIP must match the stored state). */
export const addressPatchBody = z
  .object({
    name: z.string().optional(),
    line1: z.string().optional(),
    line2: z.string().nullable().optional(),
    city: z.string().optional(),
    region: z.string().optional(),
    postalCode: z.string().optional(),
    country: z.string().optional(),
    isDefault: isDefaultSchema,
  })
  .strict();
export type AddressPatch = z.infer<typeof addressPatchBody>;

export function validateAddress(fields: unknown): { ok: true; address: AddressFields } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = shippingAddressSchema.safeParse(fields);
  if (parsed.success) return { ok: true, address: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
