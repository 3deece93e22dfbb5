import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { BRAND } from './brand';

// The frame of every email: the shop's name on its green band, one white card of at most 600 px that narrows with
// the client, and a footer. Dark mode: `color-scheme: light dark` with explicit text and background colours on every
// block, so a client that inverts keeps contrast and one that does not shows the light design as designed.

export function EmailLayout({ preview, children, footer, shopUrl }: { preview: string; children: ReactNode; footer?: ReactNode; shopUrl: string }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: BRAND.canvas, color: BRAND.ink, fontFamily: BRAND.font, margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: 600, width: '100%', margin: '0 auto' }}>
          <Section style={{ backgroundColor: BRAND.green, padding: '18px 24px', borderRadius: '8px 8px 0 0' }}>
            <Link href={shopUrl} style={{ color: BRAND.greenText, fontSize: 20, fontWeight: 700, textDecoration: 'none' }}>
              {BRAND.name}
            </Link>
          </Section>
          <Section style={{ backgroundColor: BRAND.paper, color: BRAND.ink, padding: '8px 24px 24px', borderRadius: '0 0 8px 8px' }}>{children}</Section>
          <Section style={{ padding: '16px 24px' }}>
            {footer}
            <Hr style={{ borderColor: BRAND.rule, margin: '12px 0' }} />
            <Text style={{ color: BRAND.muted, fontSize: 12, lineHeight: '18px', margin: 0 }}>
              {BRAND.name} · {BRAND.tagline} ·{' '}
              <Link href={shopUrl} style={{ color: BRAND.muted }}>
                {shopUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Heading1({ children }: { children: ReactNode }) {
  return <Text style={{ color: BRAND.ink, fontSize: 22, fontWeight: 700, lineHeight: '28px', margin: '16px 0 8px' }}>{children}</Text>;
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={{ color: muted ? BRAND.muted : BRAND.ink, fontSize: 15, lineHeight: '22px', margin: '8px 0' }}>{children}</Text>;
}

export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '20px 0 8px' }}>
      <Link
        href={href}
        style={{
          backgroundColor: BRAND.green,
          color: BRAND.greenText,
          borderRadius: 6,
          display: 'inline-block',
          fontSize: 16,
          fontWeight: 600,
          padding: '12px 22px',
          textDecoration: 'none',
        }}
      >
        {children}
      </Link>
    </Section>
  );
}
