// `npm run bench:fraud`: replays a labelled, synthetic set of checkouts through fraud screening (server/fraud) and
// prints precision and recall per decision (allow / review / deny). The set is generated from a fixed seed: good
// shoppers (some behind a shared NAT, some with a declined card first, some first orders over $500, a few with a
// throwaway email), card testers (40 cards each from one address, a fresh cart and email per card, almost all
// declined), account fan-out (`+tag` addresses of one mailbox with several cards), high-value first orders on stolen
// cards (shipped far from the buyer, the processor often saying elevated) and payments the processor rates highest.
// Each attempt runs the real steps in checkout's order (the decline limits, the rules before authorisation, a
// simulated processor, the rules after it) on the in-process rate limiter, with the default rules
// (server/fraud/contract.ts) or `--rules file.json` (the settings as operations would save them).
// "Predicted" is what screening decided: deny = 429 or 402 before or after authorising; review = ON_HOLD; allow =
// sent to the processor and placed (or declined there: screening let it through). A benchmark, never a test.
// Run with --conditions=react-server (package.json) so `server-only` resolves as in Next.
import { readFileSync } from 'node:fs';
import { DEFAULT_FRAUD_RULES, type FraudRules, fraudRuleSettingsSchema, type RiskDecision } from '../server/fraud/contract';
import {
  type CheckoutScreeningInput,
  recordDeclinedPayment,
  refuseRepeatedDeclines,
  screenAfterAuthorisation,
  screenBeforeAuthorisation,
} from '../server/fraud/screening';
import type { GeoPoint } from '../server/locations';
import { money } from '../server/platform/money';
import { seededRandom } from '../server/platform/runtime';

type Risk = 'normal' | 'elevated' | 'highest';
type Attempt = {
  kind: 'good' | 'card-tester' | 'fan-out' | 'high-value-first' | 'processor-highest';
  truth: RiskDecision;
  clientAddress: string;
  viewer: GeoPoint;
  cartId: string;
  email: string;
  card: string;
  total: number;
  ship: { city: string; region: string; postalCode: string; country: string };
  declined: boolean;
  risk: Risk;
};

const PLACES = [
  { city: 'Seattle', region: 'WA', postalCode: '98101', at: { lat: 47.61, lng: -122.33 } },
  { city: 'Portland', region: 'OR', postalCode: '97205', at: { lat: 45.52, lng: -122.68 } },
  { city: 'Denver', region: 'CO', postalCode: '80202', at: { lat: 39.75, lng: -104.99 } },
  { city: 'Austin', region: 'TX', postalCode: '78701', at: { lat: 30.27, lng: -97.74 } },
  { city: 'Chicago', region: 'IL', postalCode: '60601', at: { lat: 41.88, lng: -87.62 } },
  { city: 'New York', region: 'NY', postalCode: '10001', at: { lat: 40.75, lng: -73.99 } },
  { city: 'Miami', region: 'FL', postalCode: '33131', at: { lat: 25.77, lng: -80.19 } },
];

function buildSet(seed: number): Attempt[] {
  const random = seededRandom(seed);
  const rnd = () => random.next();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const dollars = (min: number, max: number) => Math.round((min + rnd() * (max - min)) * 100);
  let n = 0;
  const id = (p: string) => `${p}-${++n}`;
  const ip = () => `v4:198.51.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}-${++n}`;
  const near = (place: (typeof PLACES)[number]) => ({ city: place.city, region: place.region, postalCode: place.postalCode, country: 'US' });
  const out: Attempt[] = [];

  // Good shoppers: 400, 60 of them behind two office NATs; 8% have a card declined first, 5% spend over $500 on a
  // first order, 3% use a throwaway address.
  const nats = [ip(), ip()];
  for (let i = 0; i < 400; i++) {
    const place = pick(PLACES);
    const base = { kind: 'good' as const, truth: 'allow' as const, viewer: place.at, ship: near(place), risk: 'normal' as Risk };
    const clientAddress = i < 60 ? nats[i % 2]! : ip();
    const email = rnd() < 0.03 ? `${id('shopper')}@mailinator.com` : `${id('shopper')}@example.com`;
    const cartId = id('cart');
    const total = rnd() < 0.05 ? dollars(520, 1_400) : dollars(15, 180);
    if (rnd() < 0.08) out.push({ ...base, clientAddress, cartId, email, card: id('card'), total, declined: true });
    out.push({ ...base, clientAddress, cartId, email, card: id('card'), total, declined: false });
  }
  // Card testers: 10, each 40 cards in a burst from one address, a fresh cart and email each; 95% declined.
  for (let t = 0; t < 10; t++) {
    const clientAddress = ip();
    const place = pick(PLACES);
    for (let i = 0; i < 40; i++) {
      out.push({
        kind: 'card-tester',
        truth: 'deny',
        clientAddress,
        viewer: place.at,
        cartId: id('cart'),
        email: `${id('x')}@example.net`,
        card: id('card'),
        total: dollars(1, 5),
        ship: near(place),
        declined: rnd() < 0.95,
        risk: 'normal',
      });
    }
  }
  // Account fan-out: 15 actors, 5 orders each under me+1@, me+2@ … of one mailbox, a new card each, rotating addresses.
  for (let a = 0; a < 15; a++) {
    const mailbox = id('fan');
    const place = pick(PLACES);
    for (let i = 1; i <= 5; i++) {
      out.push({
        kind: 'fan-out',
        truth: 'review',
        clientAddress: ip(),
        viewer: place.at,
        cartId: id('cart'),
        email: `${mailbox}+${i}@example.org`,
        card: id('card'),
        total: dollars(40, 120),
        ship: near(place),
        declined: false,
        risk: 'normal',
      });
    }
  }
  // High-value first orders on stolen cards: 30, the buyer on one coast and the parcel on the other; the processor
  // rates 60% of them elevated.
  for (let i = 0; i < 30; i++) {
    out.push({
      kind: 'high-value-first',
      truth: 'review',
      clientAddress: ip(),
      viewer: PLACES[0]!.at,
      cartId: id('cart'),
      email: `${id('buyer')}@example.com`,
      card: id('card'),
      total: dollars(900, 2_400),
      ship: near(PLACES[6]!),
      declined: false,
      risk: rnd() < 0.6 ? 'elevated' : 'normal',
    });
  }
  // Payments the processor rates highest risk: 10.
  for (let i = 0; i < 10; i++) {
    const place = pick(PLACES);
    out.push({
      kind: 'processor-highest',
      truth: 'deny',
      clientAddress: ip(),
      viewer: place.at,
      cartId: id('cart'),
      email: `${id('buyer')}@example.com`,
      card: id('card'),
      total: dollars(60, 300),
      ship: near(place),
      declined: false,
      risk: 'highest',
    });
  }
  return out;
}

async function replay(attempts: Attempt[], rules: FraudRules): Promise<RiskDecision[]> {
  const ordered = new Set<string>();
  const predicted: RiskDecision[] = [];
  for (const a of attempts) {
    const parties = { clientAddress: a.clientAddress, viewer: a.viewer, cartId: a.cartId, email: a.email };
    const input: CheckoutScreeningInput = {
      ...parties,
      cardFingerprint: a.card,
      total: money(a.total),
      firstOrder: !ordered.has(a.email),
      shippingAddress: a.ship,
    };
    let decision: RiskDecision;
    try {
      await refuseRepeatedDeclines(parties, rules);
      const pre = await screenBeforeAuthorisation(input, rules);
      if (a.declined) {
        await recordDeclinedPayment({ ...parties, cardFingerprint: a.card }, rules);
        decision = 'allow';
      } else {
        decision = screenAfterAuthorisation(pre, a.risk).decision;
        if (decision !== 'deny') ordered.add(a.email);
      }
    } catch {
      decision = 'deny';
    }
    predicted.push(decision);
  }
  return predicted;
}

function report(attempts: Attempt[], predicted: RiskDecision[]): void {
  const classes: RiskDecision[] = ['allow', 'review', 'deny'];
  const pct = (x: number, of: number) => (of === 0 ? 'n/a' : `${((100 * x) / of).toFixed(1)}%`);
  console.log(`${attempts.length} checkouts replayed\n`);
  console.log('| decision | truth | predicted | correct | precision | recall |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of classes) {
    const truth = attempts.filter((a) => a.truth === c).length;
    const said = predicted.filter((p) => p === c).length;
    const hit = attempts.filter((a, i) => a.truth === c && predicted[i] === c).length;
    console.log(`| ${c} | ${truth} | ${said} | ${hit} | ${pct(hit, said)} | ${pct(hit, truth)} |`);
  }
  console.log('\n| kind | checkouts | allowed | reviewed | denied |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const kind of [...new Set(attempts.map((a) => a.kind))]) {
    const idx = attempts.map((a, i) => (a.kind === kind ? i : -1)).filter((i) => i >= 0);
    const count = (d: RiskDecision) => idx.filter((i) => predicted[i] === d).length;
    console.log(`| ${kind} | ${idx.length} | ${count('allow')} | ${count('review')} | ${count('deny')} |`);
  }
  const testerReachedProcessor = attempts.filter((a, i) => a.kind === 'card-tester' && predicted[i] !== 'deny').length;
  console.log(`\ncard-tester attempts that reached the processor: ${testerReachedProcessor} of ${attempts.filter((a) => a.kind === 'card-tester').length}`);
}

async function main(): Promise<void> {
  delete process.env.REDIS_URL; // the in-process limiter: this replay never touches a developer's Redis
  const i = process.argv.indexOf('--rules');
  const settings = i < 0 ? DEFAULT_FRAUD_RULES : fraudRuleSettingsSchema.parse(JSON.parse(readFileSync(process.argv[i + 1]!, 'utf8')));
  const rules: FraudRules = { ...settings, version: 0, updatedBy: 'replay', updatedAt: new Date().toISOString() };
  const attempts = buildSet(31);
  report(attempts, await replay(attempts, rules));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
