import { limitedConfirm, limitedSignUp } from './attempt-limits';
import { confirmAccount, registerAccount, type SignUpResult } from './cognito-accounts';

// Sign-up and email confirmation as the routes offer them: the Cognito call behind the attempt limits, so neither
// form can be used to test emails for accounts at speed. `address` is the caller's bucket (server/http/client-address.ts).

export function signUp(input: { email: string; password: string; name: string; address: string }): Promise<SignUpResult> {
  return limitedSignUp(input, () => registerAccount(input));
}

export function confirmSignUp(input: { email: string; code: string; address: string }): Promise<void> {
  return limitedConfirm(input, () => confirmAccount(input));
}
