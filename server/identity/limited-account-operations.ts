import { limitedConfirm, limitedForgotPassword, limitedPasswordReset, limitedSignUp } from './attempt-limits';
import { confirmAccount, registerAccount, requestPasswordReset, type SignUpResult } from './cognito-accounts';
import { resetPassword } from './password-reset';

// Sign-up and email confirmation as the routes offer them: the Cognito call behind the attempt limits, so neither
// form can be used to test emails for accounts at speed. `address` is the caller's bucket (server/platform/http/client-address.ts).

export function signUp(input: { email: string; password: string; name: string; address: string }): Promise<SignUpResult> {
  return limitedSignUp(input, () => registerAccount(input));
}

export function confirmSignUp(input: { email: string; code: string; address: string }): Promise<void> {
  return limitedConfirm(input, () => confirmAccount(input));
}

export function forgotPassword(input: { email: string; address: string }): Promise<void> {
  return limitedForgotPassword(input, () => requestPasswordReset(input.email));
}

export function resetForgottenPassword(input: { email: string; code: string; password: string; address: string }): Promise<void> {
  return limitedPasswordReset(input, () => resetPassword(input));
}
