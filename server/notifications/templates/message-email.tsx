import { Link, Section } from '@react-email/components';
import { BRAND } from './brand';
import { EmailLayout, Heading1, Paragraph, PrimaryButton } from './layout';
import { type RenderedEmail, renderEmail } from './render';

// The email that is a message rather than an order: account mail (welcome, password changed, account deleted) and
// alerts (back in stock, price drop). Same layout, one heading, paragraphs, one button, small print links.

export type MessageEmailInput = {
  subject: string;
  heading: string;
  paragraphs: string[];
  button?: { text: string; href: string };
  /** Small print under the card (an alert's unsubscribe link). */
  footerLinks?: { text: string; href: string }[];
  siteOrigin: string;
};

export function MessageEmail({ input }: { input: MessageEmailInput }) {
  const footer = input.footerLinks?.length ? (
    <Section>
      {input.footerLinks.map((l) => (
        <Paragraph key={l.href} muted>
          <Link href={l.href} style={{ color: BRAND.muted }}>
            {l.text}
          </Link>
        </Paragraph>
      ))}
    </Section>
  ) : undefined;
  return (
    <EmailLayout preview={input.heading} shopUrl={input.siteOrigin} footer={footer}>
      <Heading1>{input.heading}</Heading1>
      {input.paragraphs.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {input.button ? <PrimaryButton href={input.button.href}>{input.button.text}</PrimaryButton> : null}
    </EmailLayout>
  );
}

export function messageEmail(input: MessageEmailInput): Promise<RenderedEmail> {
  return renderEmail(input.subject, <MessageEmail input={input} />);
}
