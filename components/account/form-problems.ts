import { type ApiFailure, type FieldErrors, fieldErrorsFrom } from '@/components/api/api-request';
import type { SummaryProblem } from '@/components/forms/error-summary';

// Turns a failed call into what an account form shows: the per-field messages, and the summary's problems in the
// form's field order; when the server named no field (wrong password, rate limit, outage) its message is the one
// problem.

export function problemsFrom(failure: ApiFailure, fieldIds: Record<string, string>): { fieldErrors: FieldErrors; problems: SummaryProblem[] } {
  const fieldErrors = fieldErrorsFrom(failure.details);
  const problems: SummaryProblem[] = [];
  for (const [field, fieldId] of Object.entries(fieldIds)) {
    const message = fieldErrors[field];
    if (message) problems.push({ fieldId, message });
  }
  if (problems.length === 0) problems.push({ message: failure.message });
  return { fieldErrors, problems };
}
