import type { PostResult } from './post-json';
import type { SummaryProblem } from './error-summary';

// Turns a failed call into the summary's problems, in the form's field order; when the server named no field
// (wrong password, rate limit, outage) its message is the one problem.

export function problemsFrom(
  result: Extract<PostResult<unknown>, { ok: false }>,
  fieldIds: Record<string, string>,
): SummaryProblem[] {
  const problems: SummaryProblem[] = [];
  for (const [field, fieldId] of Object.entries(fieldIds)) {
    const message = result.fieldErrors[field];
    if (message) problems.push({ fieldId, message });
  }
  if (problems.length === 0) problems.push({ message: result.message });
  return problems;
}
