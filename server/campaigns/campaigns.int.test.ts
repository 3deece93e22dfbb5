import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { submitCampaignForm } from '@/app/admin/campaigns/campaign-form';
import { GET as unsubscribePage, POST as unsubscribeRoute } from '@/app/api/unsubscribe/route';
import { getMarketingConsent, setMarketingConsent } from '@/server/account';
import { addCartItem } from '@/server/cart';
import { placeOrder } from '@/server/checkout/place-order';
import { checkoutBody, putProduct, uniqueId } from '@/server/checkout/test-support/fixtures';
import { getConfig } from '@/server/platform/config';
import { assertCampaignChoices, campaignToSend, createCampaign, previewCampaign, readCampaign, sendCampaign } from './index';

// Campaigns against the local stack (DynamoDB Local, the SES v2 stand-in): the segment holds only consenting
// buyers, a sender process SIGKILLed midway (testing/killable-sender.ts) and resumed here sends each of them exactly
// one email, every email carries the one-click unsubscribe headers, and the link withdraws consent without a session.

/** Runs the sender in a child process and SIGKILLs it (by its own pid) as soon as `killWhen` holds. */
async function runKillableSender(
  campaignId: string,
  holdFrom: number,
  killWhen: (output: string) => Promise<boolean>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  // The react-server condition, as Next resolves it: `import 'server-only'` is its empty module there.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'server/campaigns/testing/killable-sender.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, CAMPAIGN_ID: campaignId, HOLD_FROM: String(holdFrom) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 45_000;
  while (!done && Date.now() < deadline) {
    if (await killWhen(output)) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // Bounded: a sender that never got there is stopped, and the test fails on its signal (SIGTERM) or exit code.
  if (!done && Date.now() >= deadline) child.kill('SIGTERM');
  return { ...(await exited), output };
}

type Stored = { emails: { destination: { to: string[] }; subject: string; headers?: { name: string; value: string }[]; body: { text: string } }[] };
const store = async () => ((await (await fetch(`${getConfig().SES_ENDPOINT}/store`)).json()) as Stored).emails;

describe('campaigns', () => {
  it('send once per consenting recipient across a crash and a restart, and never to shoppers without consent', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const product = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 50 }] });
    const tag = uniqueId('cmp');
    const buyers = Array.from({ length: 5 }, (_, i) => ({ userId: uniqueId(`buyer${i}`), email: `${tag}-${i}@example.com` }));
    const silent = { userId: uniqueId('silent'), email: `${tag}-silent@example.com` };
    for (const b of [...buyers, silent]) {
      await addCartItem({ kind: 'user', userId: b.userId }, { productId: product.id, variantId: 'v', quantity: 1 });
      await placeOrder({ userId: b.userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    }
    for (const b of buyers) await setMarketingConsent({ userId: b.userId, granted: true, source: 'test', email: b.email, name: 'Ada' });
    // `silent` bought too but never consented.

    const input = {
      segment: { kind: 'bought-in-category' as const, category: 'test-fixtures', from: today, to: today },
      promotionCode: 'SPRING10',
      subject: `Spring picks ${tag}`,
      message: 'New arrivals for you.',
    };
    const preview = await previewCampaign(input);
    expect(preview.recipientsLabel).toMatch(/^(fewer than 10|\d{2,}) consenting shoppers$/);
    expect(preview.email.text).toContain('SPRING10');
    expect(preview.email.headers.map((h) => h.name)).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);

    const campaign = await createCampaign(input, 'marketer@example.com');
    const mine = async () => (await store()).filter((e) => e.subject === input.subject);
    // First life: the sender in its own process, SIGKILLed once two emails are in the SES inbox and it waits before
    // its third recipient (so the kill always lands mid-run): no finally, no status settled, the rest never mailed.
    const life = await runKillableSender(campaign.id, 2, async (output) => output.includes('holding before recipient 2') && (await mine()).length >= 2);
    expect(life.signal, life.output.slice(-2000)).toBe('SIGKILL');
    expect(life.output).toContain('holding before recipient 2');
    expect(life.output).not.toContain('finished without being killed');
    const afterCrash = await mine();
    expect(afterCrash.length).toBe(2);
    expect(await readCampaign(campaign.id)).toMatchObject({ status: 'sending', sent: 2 });

    // Meanwhile one of the buyers not yet mailed unsubscribes from an earlier email (no session).
    const sentTo = new Set(afterCrash.flatMap((e) => e.destination.to));
    const leaver = buyers.find((b) => !sentTo.has(b.email))!;
    const link = new URL((afterCrash[0]!.headers ?? []).find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1));
    expect(link.searchParams.get('u')).not.toBe(leaver.userId);
    await setMarketingConsent({ userId: leaver.userId, granted: false, source: 'test' });

    // Second life: resumed in this process, as a marketer pressing Send again does.
    const resumed = await sendCampaign(campaign.id);
    expect(resumed.alreadySent).toBe(2);
    const emails = await mine();
    const perAddress = new Map<string, number>();
    for (const e of emails) for (const to of e.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    for (const b of buyers) expect(perAddress.get(b.email) ?? 0, b.email).toBe(b === leaver ? 0 : 1);
    expect(perAddress.get(silent.email)).toBeUndefined();
    for (const e of emails) {
      expect(e.headers).toEqual(
        expect.arrayContaining([
          { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
          expect.objectContaining({ name: 'List-Unsubscribe', value: expect.stringMatching(/^<http.*\/api\/unsubscribe\?u=.+&t=.+>$/) }),
        ]),
      );
    }
    const progress = await readCampaign(campaign.id);
    expect(progress).toMatchObject({ status: 'sent' });
    expect(progress!.sent).toBeGreaterThanOrEqual(4);

    // A third run sends nothing new.
    await sendCampaign(campaign.id);
    expect((await mine()).length).toBe(emails.length);
  }, 120_000);

  it('the /admin/campaigns form previews the segment, then creates a draft; only marketers may use it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const product = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 50 }] });
    // The form refuses a category the shop has no row for (issue 29); the fixtures' category gets one.
    await (await import('@/server/promotions/test-support')).ensureCategory('test-fixtures');
    const buyer = { userId: uniqueId('formbuyer'), email: `${uniqueId('form')}@example.com` };
    await addCartItem({ kind: 'user', userId: buyer.userId }, { productId: product.id, variantId: 'v', quantity: 1 });
    await placeOrder({ userId: buyer.userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    await setMarketingConsent({ userId: buyer.userId, granted: true, source: 'test', email: buyer.email, name: 'Form' });
    const marketer = { id: 'm1', email: 'marketer@example.com', name: 'M', groups: ['marketers'] };
    const subject = `Form ${uniqueId('s')}`;
    const form = (intent: string, extra: Record<string, string> = {}) => {
      const f = new FormData();
      const fields = {
        kind: 'bought-in-category',
        category: 'test-fixtures',
        productId: '',
        from: today,
        to: today,
        promotionCode: '',
        subject,
        message: 'Hello.',
        ...extra,
      };
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      f.set('intent', intent);
      return f;
    };

    const refused = await submitCampaignForm(marketer, form('preview', { subject: '' }));
    expect(refused).toMatchObject({ step: 'edit', problems: [{ fieldId: 'subject' }] });

    const preview = await submitCampaignForm(marketer, form('preview'));
    expect(preview.step).toBe('preview');
    expect(preview.preview!.recipientsLabel).toMatch(/consenting shoppers$/);
    expect(preview.preview!.text).toMatch(/Unsubscribe from marketing email:? http/);
    expect(preview.preview!.headers.map((h) => h.name)).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);

    const created = await submitCampaignForm(marketer, form('create'));
    expect(created.step).toBe('created');
    expect(await readCampaign(created.campaignId!)).toMatchObject({ status: 'draft', subject, createdBy: 'marketer@example.com' });
    expect(await campaignToSend(marketer, created.campaignId!)).toEqual({ id: created.campaignId });

    const shopper = { ...marketer, groups: [] };
    await expect(submitCampaignForm(shopper, form('create'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(campaignToSend(shopper, created.campaignId!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(campaignToSend(marketer, 'cmp_nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('one-click unsubscribe withdraws consent without a session, and refuses a forged link', async () => {
    const userId = uniqueId('reader');
    await setMarketingConsent({ userId, granted: true, source: 'test', email: `${userId}@example.com`, name: 'Reader' });
    const { campaignEmail } = await import('./campaign-email');
    const { headers } = campaignEmail(
      { segment: { kind: 'viewed-not-bought', productId: 'p', from: '2026-01-01', to: '2026-01-02' }, subject: 's', message: 'm' },
      { userId, name: '' },
    );
    const link = headers.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1);

    const forged = new URL(link);
    forged.searchParams.set('t', 'x'.repeat(43));
    const refused = await unsubscribeRoute(new Request(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), undefined);
    expect(refused.status).toBe(404);
    expect((await getMarketingConsent(userId)).granted).toBe(true);

    const res = await unsubscribeRoute(
      new Request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
      undefined,
    );
    expect(res.status).toBe(204);
    expect(await getMarketingConsent(userId)).toMatchObject({ granted: false, source: 'unsubscribe-link' });
  });

  it('previews with a placeholder recipient and withholds a small count (issue 30 M1)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const category = uniqueId('cat')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-');
    const product = await putProduct({ variants: [{ id: 'v', price: 1_000, stock: 50 }], category });
    const buyer = { userId: uniqueId('secretbuyer'), email: `${uniqueId('secret')}@example.com` };
    await addCartItem({ kind: 'user', userId: buyer.userId }, { productId: product.id, variantId: 'v', quantity: 1 });
    await placeOrder({ userId: buyer.userId, idempotencyKey: crypto.randomUUID(), body: checkoutBody() });
    await setMarketingConsent({ userId: buyer.userId, granted: true, source: 'test', email: buyer.email, name: 'Zebediah Quartermain' });

    const preview = await previewCampaign({ segment: { kind: 'bought-in-category', category, from: today, to: today }, subject: 's', message: 'm' });
    const shown = JSON.stringify(preview);
    expect(shown).not.toContain('Zebediah');
    expect(shown).not.toContain(buyer.userId);
    expect(preview.recipients).toBeNull();
    expect(preview.recipientsLabel).toBe('fewer than 10 consenting shoppers');
    // The preview's link carries no token that unsubscribes anyone.
    const link = new URL(preview.email.headers.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1));
    const res = await unsubscribeRoute(new Request(link, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), undefined);
    expect(res.status).toBe(404);
    expect((await getMarketingConsent(buyer.userId)).granted).toBe(true);
  });

  it('the JSON routes store only a promotion code that names an active promotion with a code (issue 30 L5)', async () => {
    const { makePromotion } = await import('@/server/promotions/test-support');
    const marketer = { id: 'm1', email: 'marketer@example.com', name: 'M', groups: ['marketers'] };
    const input = { segment: { kind: 'viewed-not-bought' as const, productId: 'p', from: '2026-01-01', to: '2026-01-02' }, subject: 's', message: 'm' };
    await expect(assertCampaignChoices(marketer, { ...input, promotionCode: 'NOSUCHCODE42' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'promotionCode' }],
    });
    const promo = await makePromotion({});
    expect((await assertCampaignChoices(marketer, { ...input, promotionCode: promo.code.toLowerCase() })).promotionCode).toBe(promo.code);
    expect(await assertCampaignChoices(marketer, input)).toEqual(input);
  });

  it('the JSON routes and the form refuse a segment category the shop does not have (issue 29)', async () => {
    const { ensureCategory } = await import('@/server/promotions/test-support');
    const marketer = { id: 'm1', email: 'marketer@example.com', name: 'M', groups: ['marketers'] };
    const segment = (category: string) => ({ kind: 'bought-in-category' as const, category, from: '2026-01-01', to: '2026-01-02' });
    const ghost = uniqueId('no-such-cat');
    await expect(assertCampaignChoices(marketer, { segment: segment(ghost), subject: 's', message: 'm' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'segment.category', message: `there is no category "${ghost}": choose from the shop's categories` }],
    });
    const known = uniqueId('cat');
    await ensureCategory(known);
    const input = { segment: segment(known), subject: 's', message: 'm' };
    expect(await assertCampaignChoices(marketer, input)).toEqual(input);
  });

  it("a GET of the unsubscribe link (a mail scanner) changes nothing; the page's button POSTs and withdraws (issue 30 L10)", async () => {
    const userId = uniqueId('scanned');
    await setMarketingConsent({ userId, granted: true, source: 'test', email: `${userId}@example.com`, name: 'Scanned' });
    const { campaignEmail } = await import('./campaign-email');
    const { headers } = campaignEmail(
      { segment: { kind: 'viewed-not-bought', productId: 'p', from: '2026-01-01', to: '2026-01-02' }, subject: 's', message: 'm' },
      { userId, name: '' },
    );
    const link = headers.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1);
    const shown = await unsubscribePage(new Request(link), undefined);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toMatch(/<form method="post" action="\/api\/unsubscribe\?u=/);
    expect((await getMarketingConsent(userId)).granted).toBe(true);
    const forged = new URL(link);
    forged.searchParams.set('t', 'x'.repeat(43));
    expect((await unsubscribePage(new Request(forged), undefined)).status).toBe(404);

    const action = /action="([^"]+)"/.exec(html)![1]!.replaceAll('&#38;', '&');
    const res = await unsubscribeRoute(
      new Request(new URL(action, link), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'confirm=1' }),
      undefined,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect(await getMarketingConsent(userId)).toMatchObject({ granted: false, source: 'unsubscribe-link' });
  });
});
