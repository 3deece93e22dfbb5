import { Column, Img, Link, Row, Section, Text } from '@react-email/components';
import { formatMoney, type Money } from '../../platform/money';
import { BRAND } from './brand';
import { EmailLayout, Heading1, Paragraph, PrimaryButton } from './layout';
import { type RenderedEmail, renderEmail } from './render';

// A marketing campaign: the marketer's subject and message, the offer code, a "Shop now" button and up to three
// product picks, and the unsubscribe link (the one-click headers are the campaign domain's).

export type CampaignPick = { name: string; url: string; image: string; price: Money };

export type CampaignEmailInput = {
  subject: string;
  greeting: string;
  message: string;
  promotionCode?: string | null;
  shopUrl: string;
  picks: CampaignPick[];
  unsubscribeUrl: string;
  siteOrigin: string;
};

export function CampaignEmail({ input }: { input: CampaignEmailInput }) {
  const footer = (
    <Paragraph muted>
      You get this because you said yes to marketing email.{' '}
      <Link href={input.unsubscribeUrl} style={{ color: BRAND.muted }}>
        Unsubscribe from marketing email
      </Link>
    </Paragraph>
  );
  return (
    <EmailLayout preview={input.subject} shopUrl={input.siteOrigin} footer={footer}>
      <Heading1>{input.subject}</Heading1>
      <Paragraph>{input.greeting}</Paragraph>
      {input.message.split(/\n{2,}/).map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {input.promotionCode ? (
        <Paragraph>
          Use code <strong>{input.promotionCode}</strong> at checkout.
        </Paragraph>
      ) : null}
      <PrimaryButton href={input.shopUrl}>Shop now</PrimaryButton>
      {input.picks.length > 0 ? (
        <Section style={{ marginTop: 16 }}>
          <Text style={{ color: BRAND.ink, fontSize: 16, fontWeight: 700, margin: '8px 0' }}>Picked for you</Text>
          <Row>
            {input.picks.slice(0, 3).map((p) => (
              <Column key={p.url} style={{ width: '33%', padding: '0 4px', verticalAlign: 'top' }}>
                <Link href={p.url} style={{ color: BRAND.ink, textDecoration: 'none' }}>
                  <Img src={p.image} alt="" width="160" height="160" style={{ borderRadius: 6, display: 'block', width: '100%', height: 'auto' }} />
                  <Text style={{ color: BRAND.ink, fontSize: 14, lineHeight: '18px', margin: '6px 0 0' }}>{p.name}</Text>
                  <Text style={{ color: BRAND.muted, fontSize: 13, margin: '2px 0 0' }}>{formatMoney(p.price)}</Text>
                </Link>
              </Column>
            ))}
          </Row>
        </Section>
      ) : null}
    </EmailLayout>
  );
}

export function campaignEmailContent(input: CampaignEmailInput): Promise<RenderedEmail> {
  return renderEmail(input.subject, <CampaignEmail input={input} />);
}
