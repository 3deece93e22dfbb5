import { createHash } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../aws/clients';
import { tableName } from '../db';
import { renderEmail } from './order-email-templates';
import { type EmailOutcome, type MarkerKey, sendEmailOnce } from './send-once';

// Account emails through the same SES sender and sent-markers as order emails. Markers: the welcome once per email
// address (keyed by its SHA-256, so the marker holds no address; on AWS the confirming request knows only the
// email), the goodbye once per user id, a password-changed email once per change (`occurrence`, the change's id).

export type AccountEmail =
  | { kind: 'welcome'; name: string }
  | { kind: 'password-changed'; name: string; occurrence: string }
  | { kind: 'account-deleted'; name: string };

function template(mail: AccountEmail) {
  const hello = mail.name ? `Hello ${mail.name},` : 'Hello,';
  switch (mail.kind) {
    case 'welcome':
      return {
        subject: 'Welcome to the shop',
        blocks: [
          { kind: 'heading' as const, text: 'Your account is ready' },
          { kind: 'paragraph' as const, text: `${hello} you can now save addresses, follow your orders and check out faster.` },
        ],
      };
    case 'password-changed':
      return {
        subject: 'Your password was changed',
        blocks: [
          { kind: 'heading' as const, text: 'Your password was changed' },
          { kind: 'paragraph' as const, text: `${hello} the password of your account was just changed.` },
          { kind: 'paragraph' as const, text: 'If this was not you, reset your password now with "Forgot your password?" on the sign-in page.' },
        ],
      };
    case 'account-deleted':
      return {
        subject: 'Your account was deleted',
        blocks: [
          { kind: 'heading' as const, text: 'Your account was deleted' },
          {
            kind: 'paragraph' as const,
            text: `${hello} your account, saved addresses, wishlist and marketing preferences are erased. Past orders are kept for our accounts, without your name, email or address.`,
          },
        ],
      };
  }
}

function welcomeMarker(email: string): MarkerKey {
  return { orderId: `account-email#${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`, event: 'welcome' };
}

function markerFor(userId: string, to: string, mail: AccountEmail): MarkerKey {
  if (mail.kind === 'welcome') return welcomeMarker(to);
  if (mail.kind === 'account-deleted') return { orderId: `account#${userId}`, event: 'account-deleted' };
  return { orderId: `account#${userId}`, event: `password-changed#${mail.occurrence}` };
}

/** `userId` may be null for the welcome only (the confirm route knows the email alone). */
export async function sendAccountEmail(userId: string | null, to: string, mail: AccountEmail): Promise<EmailOutcome> {
  if (userId === null && mail.kind !== 'welcome') throw new Error('only the welcome email is sent without a user id');
  return sendEmailOnce(markerFor(userId ?? '', to, mail), to, renderEmail(template(mail)));
}

/** Forgets that an email address was welcomed (account deletion), so a new account with it is welcomed again. */
export async function forgetWelcome(email: string): Promise<void> {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('notifications'), Key: welcomeMarker(email) }));
}
