import type { CatalogRow } from '../../server/catalog/import';
import { productIdFromSlug } from '../../server/catalog/import';
import { type Random, seededRandom } from '../../server/platform/runtime';
import type { StoredReview } from '../../server/reviews/contract';
import { summarise } from '../../server/reviews/review-summary';

// Real reviews for the demo catalog, from demo buyers, already approved — so product pages are not empty and
// every rating the shop shows is the average of reviews it can show (the generator's seeded rating only steers
// the star values). Seeded like the catalog: the same rows always get the same reviews. The rows' rating and
// reviewCount are replaced by the reviews' own numbers.

const FIRST = [
  'Ada',
  'Bo',
  'Chen',
  'Dara',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kemi',
  'Lars',
  'Mina',
  'Nico',
  'Omar',
  'Pia',
  'Quinn',
  'Rosa',
  'Sami',
  'Tove',
];
const LAST = 'ABCDEFGHJKLMNPRSTVW';
const TITLES: Record<number, string[]> = {
  5: ['Exactly what I hoped for', 'Excellent quality', 'Would buy again', 'Love it'],
  4: ['Very good', 'Solid choice', 'Happy with it', 'Good value'],
  3: ['Does the job', 'Decent, not perfect', 'Okay for the price'],
  2: ['Not great', 'Expected more', 'Disappointing finish'],
  1: ['Did not work for me', 'Poor quality'],
};
const BODIES: Record<number, string[]> = {
  5: [
    'Arrived quickly and has been perfect in daily use.',
    'Well made and better than the photos suggest.',
    'Does everything the description promises, and then some.',
  ],
  4: [
    'Good quality overall; one small quibble with the packaging.',
    'Works well. I would have liked more colour options.',
    'Sturdy and practical, a touch pricier than I wanted.',
  ],
  3: ['Fine for occasional use, but I noticed a few rough edges.', 'It is what it says, nothing more.'],
  2: ['Started showing wear after a few weeks.', 'Sizing ran off for me and the finish felt cheap.'],
  1: ['Broke within days. Returned it.', 'Not as described, unfortunately.'],
};

function starsAround(r: Random, mean: number): number {
  return Math.min(5, Math.max(1, Math.round(mean + (r.next() - 0.5) * 2.4)));
}

export type DemoReviews = { rows: CatalogRow[]; reviews: StoredReview[] };

/** 0–4 reviews per product (more for the generator's popular ones), approved, dated before the product's as-of. */
export function withDemoReviews(rows: readonly CatalogRow[], seed = 'trail-and-table-reviews'): DemoReviews {
  const r = seededRandom(seed);
  const reviews: StoredReview[] = [];
  const out = rows.map((row) => {
    const count = row.reviewCount === 0 ? 0 : Math.min(4, Math.round(Math.log10(row.reviewCount + 1) * 1.3));
    const productId = productIdFromSlug(row.slug);
    const mine: StoredReview[] = [];
    for (let n = 0; n < count; n++) {
      const rating = starsAround(r, row.rating || 4);
      const buyer = r.int(1, 400);
      const created = new Date(Date.parse(row.createdAt) + r.int(3, 200) * 86_400_000).toISOString();
      mine.push({
        productId,
        authorId: `demo-buyer-${buyer}-${n}`,
        reviewId: `rev_demo${productId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}${n}`,
        status: 'APPROVED',
        rating,
        title: r.pick(TITLES[rating]!),
        body: r.pick(BODIES[rating]!),
        authorName: `${r.pick(FIRST)} ${LAST[r.int(0, LAST.length - 1)]}.`,
        createdAt: created,
        moderatedAt: created,
        moderatedBy: 'demo-seed',
      });
    }
    reviews.push(...mine);
    const summary = summarise(mine);
    return { ...row, rating: summary.average, reviewCount: summary.count };
  });
  return { rows: out, reviews };
}
