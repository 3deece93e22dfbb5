/** What the review form's server action answers; the form shows it (and keeps working without JavaScript). */
export type ReviewFormState = {
  status: 'idle' | 'sent' | 'error';
  code: string | null;
  message: string;
  /** Field name → its first problem. */
  fields: Record<string, string>;
  /** What the shopper sent, handed back with an error so the form shows it again (React resets a form after its action). */
  values?: ReviewFormValues;
};

export type ReviewFormValues = { rating: string; title: string; body: string };

export const INITIAL_REVIEW_FORM_STATE: ReviewFormState = { status: 'idle', code: null, message: '', fields: {} };
