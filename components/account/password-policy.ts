/** The pool's password policy as shoppers read it (server/identity's zod schema enforces the same rule). */
export const PASSWORD_POLICY_HINT = 'At least 8 characters, with an upper-case letter, a lower-case letter and a number.';
