import { colourKey, productImagePath } from '../../server/catalog/images';
import { type CatalogRow, productIdFromSlug } from '../../server/catalog/import';
import { type Random, seededRandom } from '../../server/platform/runtime';
import { BOOK_FORMATS, COFFEE_GRINDS, COFFEE_WEIGHTS, type DemoCategory, demoCategories, GAME_EDITIONS } from './demo-categories';

// The demo catalog: ~1,200 believable products in the import row format, drawn from a seeded generator so the
// same seed (and as-of date) always gives byte-identical output, on any machine, on any day.

export type DemoCatalogOptions = {
  seed?: string;
  /** Products in total, spread evenly over the twelve categories. */
  count?: number;
  /** createdAt falls within the two years before this instant. Fixed by default: the clock would break determinism. */
  asOf?: string;
};

export const DEFAULT_DEMO_SEED = 'storefront-demo-v1';
export const DEFAULT_DEMO_COUNT = 1200;
export const DEFAULT_DEMO_AS_OF = '2026-11-01T00:00:00.000Z';

const MODEL_SUFFIXES = ['2', '3', '4', '5', 'Pro', 'Lite', 'Max', 'Plus', 'GTX', 'Elite'];
const TWO_YEARS_SECONDS = 730 * 24 * 3600;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Words = { brand: string; adj: string; mat: string; noun: string };

function fill(template: string, words: Words & { name: string }): string {
  return template
    .replaceAll('{name}', words.name)
    .replaceAll('{brand}', words.brand)
    .replaceAll('{adj_l}', words.adj.toLowerCase())
    .replaceAll('{mat_l}', words.mat.toLowerCase())
    .replaceAll('{noun_l}', words.noun.toLowerCase())
    .replaceAll('{adj}', words.adj)
    .replaceAll('{mat}', words.mat)
    .replaceAll('{noun}', words.noun);
}

/** A shelf price: whole dollars minus a penny most of the time (x.99), sometimes x.00, x.95 or x.50. */
function shelfPrice(r: Random, dollars: number): number {
  return Math.max(99, Math.round(dollars) * 100 - r.pick([1, 1, 1, 1, 0, 5, 50]));
}

/** Mostly 1–60 units, roughly one variant in eight sold out. */
function stockLevel(r: Random): number {
  return r.chance(0.12) ? 0 : r.int(1, 60);
}

/** A contiguous run of sizes (stores rarely stock 6 and 13 but nothing between). */
function sizeRun(r: Random, sizes: readonly string[], [min, max]: readonly [number, number]): string[] {
  const length = Math.min(sizes.length, r.int(min, max));
  const start = r.int(0, sizes.length - length);
  return sizes.slice(start, start + length);
}

type DraftVariant = { options: Record<string, string>; price: number };

function draftVariants(r: Random, category: DemoCategory, basePrice: number): DraftVariant[] {
  const plan = category.variants;
  switch (plan.kind) {
    case 'size-colour': {
      const sizes = sizeRun(r, plan.sizes, plan.sizeRun);
      const colours = r.sample(category.palette, r.int(...plan.colours));
      // A limited colourway now and then costs more, so variants of one product differ in price.
      const colourPremium = new Map(colours.map((c, i) => [c, i > 0 && r.chance(0.2) ? r.pick([500, 1000, 1500]) : 0]));
      return colours.flatMap((colour) =>
        sizes.map((size) => ({
          options: { size, colour },
          price: basePrice + (colourPremium.get(colour) ?? 0) + (size === 'XXL' || size === '13' ? plan.largeSizeSurcharge : 0),
        })),
      );
    }
    case 'colour':
      return r.sample(category.palette, r.int(...plan.colours)).map((colour, i) => ({
        options: { colour },
        price: i > 0 && r.chance(0.15) ? basePrice + r.pick([500, 1000]) : basePrice,
      }));
    case 'book-format': {
      const formats = BOOK_FORMATS.filter((f) => f === 'Paperback' || r.chance(f === 'Ebook' ? 0.7 : 0.5));
      return formats.map((format) => ({
        options: { format },
        price: format === 'Hardcover' ? basePrice + r.int(8, 12) * 100 : format === 'Ebook' ? shelfPrice(r, (basePrice / 100) * 0.6) : basePrice,
      }));
    }
    case 'coffee': {
      const weights = COFFEE_WEIGHTS.filter((_w, i) => i === 0 || r.chance(0.6));
      const grinds = COFFEE_GRINDS.filter((_g, i) => i === 0 || r.chance(0.5));
      // Price follows the bag size; the grind is free.
      return weights.flatMap((w) => {
        const price = w.multiplier === 1 ? basePrice : shelfPrice(r, (basePrice / 100) * w.multiplier);
        return grinds.map((grind) => ({ options: { weight: w.label, grind }, price }));
      });
    }
    case 'edition': {
      const editions = GAME_EDITIONS.filter((e) => e === 'Standard' || r.chance(0.35));
      return editions.map((edition) => ({ options: { edition }, price: edition === 'Deluxe' ? basePrice + r.pick([2000, 2500, 3000, 4000]) : basePrice }));
    }
  }
}

/** Review counts have a long tail; a few new products have none (and so no rating). */
function reviews(r: Random): { rating: number; reviewCount: number } {
  if (r.chance(0.06)) return { rating: 0, reviewCount: 0 };
  const reviewCount = Math.floor(Math.exp(r.next() * Math.log(2500)));
  const mean = r.chance(0.1) ? 2 + r.next() * 1.3 : 3.4 + r.next() * 1.6;
  return { rating: Math.min(50, Math.max(10, Math.round(mean * 10))) / 10, reviewCount };
}

export function generateDemoCatalog(options: DemoCatalogOptions = {}): CatalogRow[] {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const count = options.count ?? DEFAULT_DEMO_COUNT;
  const asOfSeconds = Math.floor(Date.parse(options.asOf ?? DEFAULT_DEMO_AS_OF) / 1000);
  if (!Number.isFinite(asOfSeconds)) throw new RangeError(`asOf is not a date: ${options.asOf}`);
  const r = seededRandom(seed);

  // Featured order is a shuffle over the whole catalog so each category's first page mixes old and new products.
  const featuredRanks = r.shuffle(Array.from({ length: count }, (_, i) => i + 1));
  // Slugs, not names: two names can slugify alike ("Chef's" / "Chefs"), and the slug is what must be unique.
  const usedSlugs = new Set<string>();
  const rows: CatalogRow[] = [];

  for (let i = 0; i < count; i++) {
    const category = demoCategories[i % demoCategories.length] as DemoCategory;
    let words: Words = { brand: '', adj: '', mat: '', noun: '' };
    let name = '';
    // Word lists allow thousands of names per category; retry on a clash, then fall back to a model suffix.
    for (let attempt = 0; attempt < 30 && (name === '' || usedSlugs.has(slugify(name))); attempt++) {
      words = { brand: r.pick(category.brands), adj: r.pick(category.adjectives), mat: r.pick(category.materials), noun: r.pick(category.nouns) };
      name = fill(r.pick(category.namePatterns), { ...words, name: '' })
        .replaceAll('{n}', r.pick(MODEL_SUFFIXES))
        .replaceAll('{litres}', String(r.pick([18, 20, 22, 24, 26, 28, 30, 35, 40])));
    }
    const baseName = name;
    for (let suffix = 2; usedSlugs.has(slugify(name)); suffix++) name = `${baseName} ${suffix}`;
    const slug = slugify(name);
    usedSlugs.add(slug);

    const id = productIdFromSlug(slug);
    // Skewed towards the cheap end of the range, as real assortments are (many everyday items, a few premium ones).
    const [low, high] = category.priceDollars;
    const basePrice = shelfPrice(r, low + (high - low) * r.next() ** 1.6);
    const drafts = draftVariants(r, category, basePrice);
    const soldOut = r.chance(0.03);
    const variants = drafts.map((d, v) => ({
      id: `${id}-v${v + 1}`,
      options: d.options,
      price: d.price,
      stock: soldOut ? 0 : stockLevel(r),
    }));
    const colours = [...new Set(drafts.map((d) => d.options.colour).filter((c): c is string => c !== undefined))];
    // Lead with a sentence that names the product, as a shop's copy would.
    const naming = category.sentences.filter((s) => s.includes('{name}'));
    const lead = r.pick(naming.length > 0 ? naming : category.sentences);
    const rest = r.sample(
      category.sentences.filter((s) => s !== lead),
      r.int(1, 3),
    );
    const sentences = [lead, ...rest].map((s) => fill(s, { ...words, name }));
    // Drawn once from the stream, as when products had one to three pictures, so every later draw (and so every
    // product after this one) stays as it was; each product now has three views per colourway.
    r.int(1, 3);
    const views = (colour?: string) =>
      [1, 2, 3].map((index) => productImagePath({ category: category.slug, productId: id, ...(colour ? { colour: colourKey(colour) } : {}), index }));
    const imagesByColour = colours.length > 0 ? Object.fromEntries(colours.map((c) => [c, views(c)])) : undefined;

    rows.push({
      slug,
      name,
      category: category.slug,
      categoryName: category.name,
      categoryDescription: category.description,
      brand: words.brand,
      description: sentences.join(' '),
      images: imagesByColour ? (imagesByColour[colours[0] as string] as string[]) : views(),
      ...(imagesByColour ? { imagesByColour } : {}),
      tags: [...new Set([...r.sample(category.tags, r.int(2, 4)), slugify(words.mat).replaceAll('-', ' '), ...colours.map((c) => c.toLowerCase())])],
      ...reviews(r),
      createdAt: new Date((asOfSeconds - r.int(0, TWO_YEARS_SECONDS)) * 1000).toISOString(),
      featuredRank: featuredRanks[i] as number,
      variants,
    });
  }
  return rows;
}

/** One row per line: diffs between two generations stay readable, and the file stays small. */
export function demoCatalogJson(rows: readonly CatalogRow[]): string {
  return `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
}
