import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { AppError } from '../platform/errors';
import { logger } from '../platform/observability';

// Cognito's exceptions become AppErrors with messages a shopper can act on. Nothing a user typed may become a 500:
// unknown service errors and network failures are 503 (the pool is unreachable or misconfigured), and logged.

export type CognitoOperation =
  | 'sign-up'
  | 'confirm'
  | 'sign-in'
  | 'refresh'
  | 'revoke'
  | 'forgot-password'
  | 'reset-password'
  | 'get-user'
  | 'change-password'
  | 'update-attributes'
  | 'delete-user';

export const PASSWORD_POLICY_MESSAGE = 'Use at least 8 characters, with an upper-case letter, a lower-case letter and a number.';
const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const SESSION_ENDED = 'Your session has ended. Please sign in again.';
const BAD_CODE = 'That code is not correct. Check the latest email we sent and try again.';
// Confirming an email answers one way for a wrong code, an expired one, an account already confirmed and an
// account that does not exist: any difference would tell a stranger which emails have accounts.
const CONFIRM_REFUSED = 'That code is not correct or has expired. Check the latest email we sent, or sign in if your account is already confirmed.';

function field(path: string, message: string): { details: { path: string; message: string }[] } {
  return { details: [{ path, message }] };
}

export function cognitoErrorName(err: unknown): string | undefined {
  if (err instanceof CognitoIdentityProviderServiceException) return err.name;
  // Errors deserialised by another copy of the SDK (a second bundle) fail instanceof but keep the shape.
  if (err instanceof Error && typeof (err as { $metadata?: unknown }).$metadata === 'object') return err.name;
  return undefined;
}

const CONFIRM_REFUSALS = new Set(['NotAuthorizedException', 'UserNotFoundException', 'CodeMismatchException', 'ExpiredCodeException']);

export function toAppError(err: unknown, op: CognitoOperation): AppError {
  if (err instanceof AppError) return err;
  const name = cognitoErrorName(err);
  if (op === 'confirm' && name && CONFIRM_REFUSALS.has(name)) {
    return new AppError('VALIDATION_FAILED', CONFIRM_REFUSED, field('code', CONFIRM_REFUSED));
  }
  switch (name) {
    case 'UsernameExistsException':
      return new AppError('CONFLICT', 'An account with this email already exists.', field('email', 'An account with this email already exists.'));
    case 'NotAuthorizedException':
      if (op === 'sign-in') return new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
      if (op === 'reset-password' || op === 'forgot-password') {
        return new AppError('FORBIDDEN', 'The password of this account cannot be reset here.');
      }
      return new AppError('UNAUTHENTICATED', SESSION_ENDED);
    case 'UserNotFoundException':
      // Same answers as for an existing account, so the forms cannot be used to find out who has one.
      if (op === 'sign-in') return new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
      if (op === 'reset-password') return new AppError('VALIDATION_FAILED', BAD_CODE, field('code', BAD_CODE));
      return new AppError('UNAUTHENTICATED', SESSION_ENDED);
    case 'InvalidPasswordException':
      // cognito-local answers a wrong password with InvalidPasswordException where Cognito says NotAuthorized.
      if (op === 'sign-in') return new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
      return new AppError('VALIDATION_FAILED', PASSWORD_POLICY_MESSAGE, field('password', PASSWORD_POLICY_MESSAGE));
    case 'UserNotConfirmedException':
      return new AppError('FORBIDDEN', 'Confirm your email address before signing in: enter the code we emailed you.', {
        details: { reason: 'USER_NOT_CONFIRMED' },
      });
    case 'PasswordResetRequiredException':
      return new AppError('FORBIDDEN', 'This account needs a new password. Use "Forgot your password?" to set one.', {
        details: { reason: 'PASSWORD_RESET_REQUIRED' },
      });
    case 'CodeMismatchException':
      return new AppError('VALIDATION_FAILED', BAD_CODE, field('code', BAD_CODE));
    case 'ExpiredCodeException': {
      const message = 'That code has expired. Request a new one.';
      return new AppError('VALIDATION_FAILED', message, field('code', message));
    }
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return new AppError('RATE_LIMITED', 'Too many attempts. Please wait a minute and try again.', {
        headers: { 'Retry-After': '60' },
      });
    case 'InvalidParameterException':
    case 'UserLambdaValidationException':
      return new AppError('VALIDATION_FAILED', 'Some of the details are not valid. Check them and try again.');
    case 'AliasExistsException':
      return new AppError('CONFLICT', 'An account with this email already exists.', field('email', 'An account with this email already exists.'));
    default:
      logger.error('cognito call failed', { op, name: name ?? (err instanceof Error ? err.name : typeof err), err: String(err) });
      return new AppError('UNAVAILABLE', 'Accounts are unavailable right now. Please try again in a moment.');
  }
}
