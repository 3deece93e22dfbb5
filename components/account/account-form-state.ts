// What an /account server action answers its form: a confirmation, or the problems to show (each field's first
// message, and form-level ones). Plain data, so it crosses from the action to the client form as is.

export type AccountFormState = { done?: string; fieldErrors: Record<string, string>; formError?: string };

export const EMPTY_FORM_STATE: AccountFormState = { fieldErrors: {} };
