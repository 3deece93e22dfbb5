import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { logger, newRequestContext, runWithRequestContext } from '../observability';
import { validationError } from './respond';

// The server actions' twin of route(): a form's fields parsed with the same zod schema the JSON route parses its
// body with (from the domain's contract.ts), the same domain function behind both, and every refusal turned into
// the form's own state instead of an error page. A form posted before hydration gets that state rendered into the
// page; after hydration, useActionState shows it. Next's redirect()/notFound() pass through untouched.
//
// Next itself refuses an action whose Origin is not the site's host; each action still reads the session itself
// (ADR 0004): authorisation lives in the function the action calls, as in the route.

export type ActionSpec<S extends z.ZodType, State> = {
  /** For the log line of an unexpected failure. */
  name: string;
  schema: S;
  /** The raw input from the form, in the shape the schema (and the JSON route's body) has. */
  input: (form: FormData) => unknown;
  run: (input: z.output<S>) => Promise<State>;
  /** A refusal the shopper can act on (4xx AppError: validation, not found, conflict, …) as form state. */
  refused: (err: AppError) => State;
  /** Anything else (a 5xx, an outage) as form state; logged. Defaults to `refused` with a 503 AppError. */
  failed?: (err: unknown) => State;
};

export function action<S extends z.ZodType, State>(spec: ActionSpec<S, State>): (previous: State, form: FormData) => Promise<State> {
  return async (_previous, form) =>
    runWithRequestContext(newRequestContext(randomUUID()), async () => {
      const parsed = spec.schema.safeParse(spec.input(form));
      if (!parsed.success) return spec.refused(validationError(parsed.error, 'Please check the highlighted fields.'));
      try {
        return await spec.run(parsed.data);
      } catch (err) {
        unstable_rethrow(err);
        if (isAppError(err) && err.status < 500) return spec.refused(err);
        logger.error('server action failed', { action: spec.name, err: String(err) });
        return spec.failed ? spec.failed(err) : spec.refused(new AppError('UNAVAILABLE', 'That could not be done just now. Please try again.'));
      }
    });
}
