import { z } from 'zod';
import { categorySlugSchema } from '../catalog';

// A campaign: who gets it (a segment of consenting shoppers), what it says, and how far its send has got.

const day = z.iso.date({ message: 'must be a date such as 2026-11-30' });

export const segmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bought-in-category'), category: categorySlugSchema, from: day, to: day }),
  z.strictObject({ kind: z.literal('viewed-not-bought'), productId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/), from: day, to: day }),
]);
export type Segment = z.infer<typeof segmentSchema>;

// A subject is one header line: CR/LF would start another header (issue 30 L5), and no control character, bidi
// override or isolate belongs in it. The message may have line breaks and tabs, nothing else below U+0020.
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);
const isSeparatorOrBidi = (c: number) => c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const codePoints = (v: string) => [...v].map((ch) => ch.codePointAt(0) ?? 0);
const oneLine = (v: string) => !codePoints(v).some((c) => isControl(c) || isSeparatorOrBidi(c));
// Line feed, carriage return and tab are the message's own; any other control, separator or bidi character is not.
const plainText = (v: string) => !codePoints(v).some((c) => (isControl(c) && c !== 0x0a && c !== 0x0d && c !== 0x09) || isSeparatorOrBidi(c));

export const createCampaignSchema = z
  .strictObject({
    segment: segmentSchema,
    /** Free text until promotions are merged: the code the email offers (docs/merchandising.md). */
    promotionCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, "-" or "_", at most 40')
      .optional(),
    subject: z.string().trim().min(1).max(150).refine(oneLine, 'must be one line without control characters'),
    message: z.string().trim().min(1).max(5000).refine(plainText, 'must not contain control characters'),
  })
  .refine((c) => c.segment.from <= c.segment.to, { message: 'The date range ends before it starts.', path: ['segment', 'to'] });
export type CampaignInput = z.infer<typeof createCampaignSchema>;

/** A consenting shopper as the account domain lists them. */
export type Recipient = { userId: string; email: string; name: string };

export type CampaignStatus = 'draft' | 'sending' | 'sent';

export type Campaign = CampaignInput & {
  id: string;
  status: CampaignStatus;
  createdAt: string;
  createdBy: string;
  /** Recipients the last send run found in the segment (consenting at that moment). */
  total: number;
  /** Emails handed to SES, counted once per recipient across runs. */
  sent: number;
  /** Recipients skipped at send time (consent withdrawn meanwhile) or whose email failed. */
  skipped: number;
  failed: number;
};
