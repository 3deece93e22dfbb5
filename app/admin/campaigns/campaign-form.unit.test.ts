import { describe, expect, it } from 'vitest';
import { readCampaignForm } from './campaign-form';

// The create form's parser: which segment the typed values mean, and a problem per field the marketer must fix.

const base = {
  kind: 'bought-in-category',
  category: 'coffee',
  productId: '',
  from: '2026-11-01',
  to: '2026-11-30',
  promotionCode: '',
  subject: 'Hi',
  message: 'Beans.',
};

describe('readCampaignForm', () => {
  it('reads a category segment and ignores the other kind’s field', () => {
    expect(readCampaignForm({ ...base, productId: 'ignored' }, [])).toEqual({
      input: { segment: { kind: 'bought-in-category', category: 'coffee', from: '2026-11-01', to: '2026-11-30' }, subject: 'Hi', message: 'Beans.' },
    });
  });

  it('reads a viewed-not-bought segment and an existing promotion code (any case)', () => {
    const read = readCampaignForm({ ...base, kind: 'viewed-not-bought', productId: ' p-123 ', promotionCode: 'welcome10' }, ['WELCOME10']);
    expect(read).toEqual({
      input: {
        segment: { kind: 'viewed-not-bought', productId: 'p-123', from: '2026-11-01', to: '2026-11-30' },
        promotionCode: 'WELCOME10',
        subject: 'Hi',
        message: 'Beans.',
      },
    });
  });

  it('names each field to fix, in the form’s order', () => {
    const read = readCampaignForm({ ...base, category: '', to: '2026-10-01', promotionCode: 'NOPE', subject: ' ', message: '' }, ['WELCOME10']);
    expect(read).toEqual({
      problems: [
        { fieldId: 'category', message: 'Choose a category.' },
        { fieldId: 'to', message: 'To: enter a date such as 2026-11-30, on or after the start.' },
        { fieldId: 'promotionCode', message: 'Choose one of the promotions, or none.' },
        { fieldId: 'subject', message: 'Enter a subject, at most 150 characters.' },
        { fieldId: 'message', message: 'Enter a message, at most 5000 characters.' },
      ],
    });
  });

  it('refuses a missing product id and a malformed date', () => {
    const read = readCampaignForm({ ...base, kind: 'viewed-not-bought', productId: '', from: '11/01/2026' }, []);
    expect(read).toEqual({
      problems: [
        { fieldId: 'productId', message: 'Enter or pick a product id.' },
        { fieldId: 'from', message: 'From: enter a date such as 2026-11-30.' },
      ],
    });
  });
});

describe('campaign text (issue 30 L5)', () => {
  it('refuses CR, LF and other control or bidi characters in the subject, and control characters in the message', async () => {
    const { createCampaignSchema } = await import('@/server/campaigns');
    const input = (subject: string, message = 'Beans.') => ({
      segment: { kind: 'bought-in-category', category: 'coffee', from: '2026-11-01', to: '2026-11-30' },
      subject,
      message,
    });
    for (const subject of ['Hi\r\nBcc: victim@example.com', 'Hi\nthere', 'Hi\u0000', 'Hi\u202Eevil', 'Hi\u0085x', 'Hi\u2028x']) {
      const parsed = createCampaignSchema.safeParse(input(subject));
      expect(parsed.success, JSON.stringify(subject)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['subject']);
    }
    expect(createCampaignSchema.safeParse(input('Hi', 'Beans\u0007.')).success).toBe(false);
    expect(createCampaignSchema.safeParse(input('New beans, 10% off — this week', 'Para one.\n\nPara\ttwo.\r\nThree.')).success).toBe(true);
  });
});
