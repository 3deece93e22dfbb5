import { toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';
import { renderStaticMarkup } from './static-markup';

/** What every sender hands to SES: a subject, the HTML part and the plain-text part. */
export type RenderedEmail = { subject: string; html: string; text: string };

// The doctype mail clients expect of table layouts (the one @react-email/render writes).
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/** One element, rendered twice: HTML for mail clients, plain text (from that HTML) for the text part. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = `${DOCTYPE}${renderStaticMarkup(element)}`;
  return { subject, html, text: toPlainText(html) };
}
