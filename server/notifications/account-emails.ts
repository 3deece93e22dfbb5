import { createHash } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDoc } from '../platform/aws/clients';
import { tableName } from '../platform/db';
import { siteUrl } from '../platform/site';
import { type EmailOutcome, type RenderedEmail, sendEmailOnce } from './send-email-once';
import { messageEmail } from './templates/message-email';

/** The notifications table's key: `orderId` holds what the mail is about (here `account…`). */
type MarkerKey = { orderId: string; event: string };

// Account emails through the same SES sender and sent-markers as order emails. Markers: the welcome once per email
// address (keyed by its SHA-256, so the marker holds no address; on AWS the confirming request knows only the
// email), the goodbye once per user id, a password-changed email once per change (`occurrence`, the change's id).

export type AccountEmail =
  | { kind: 'welcome'; name: string }
  | { kind: 'password-changed'; name: string; occurrence: string }
  | { kind: 'account-deleted'; name: string };

export function accountEmailContent(mail: AccountEmail): Promise<RenderedEmail> {
  const hello = mail.name ? `Hello ${mail.name},` : 'Hello,';
  const siteOrigin = siteUrl('/');
  switch (mail.kind) {
    case 'welcome':
      return messageEmail({
        siteOrigin,
        subject: 'Welcome to the shop',
        heading: 'Your account is ready',
        paragraphs: [`${hello} you can now save addresses, follow your orders and check out faster.`],
        button: { text: 'Start shopping', href: siteOrigin },
      });
    case 'password-changed':
      return messageEmail({
        siteOrigin,
        subject: 'Your password was changed',
        heading: 'Your password was changed',
        paragraphs: [
          `${hello} the password of your account was just changed, and your other devices were signed out.`,
          'If this was not you, reset your password now with "Forgot your password?" on the sign-in page.',
        ],
        button: { text: 'Go to sign-in', href: siteUrl('/sign-in') },
      });
    case 'account-deleted':
      return messageEmail({
        siteOrigin,
        subject: 'Your account was deleted',
        heading: 'Your account was deleted',
        paragraphs: [
          `${hello} your account, saved addresses, wishlist and marketing preferences are erased. Past orders are kept for our accounts, without your name, email or address.`,
        ],
      });
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
  const marker = markerFor(userId ?? '', to, mail);
  return sendEmailOnce({ subject: marker.orderId, event: marker.event }, to, () => accountEmailContent(mail));
}

/** Forgets that an email address was welcomed (account deletion), so a new account with it is welcomed again. */
export async function forgetWelcome(email: string): Promise<void> {
  await dynamoDoc().send(new DeleteCommand({ TableName: tableName('notifications'), Key: welcomeMarker(email) }));
}
