import type { ProductRecord } from '../../catalog/contract';
import { listAllKey } from '../../platform/db/tables';
import { seededRandom } from '../../platform/runtime';

// Product records for search tests and measurements, in the stored shape the index is built from.

export type ProductSeed = {
  id: string;
  name: string;
  category: string;
  brand?: string;
  description?: string;
  tags?: string[];
  /** Price per variant (minor units), with its options. */
  variants?: { options: Record<string, string>; price: number; stock?: number }[];
  rating?: number;
  reviewCount?: number;
  featuredRank?: number;
  createdAt?: string;
};

export function productRecord(seed: ProductSeed): ProductRecord {
  const variants = (seed.variants ?? [{ options: {}, price: 1000, stock: 5 }]).map((v, i) => ({
    id: `${seed.id}-v${i + 1}`,
    options: v.options,
    price: v.price,
    stock: v.stock ?? 5,
  }));
  const rating = seed.rating ?? 4;
  const reviewCount = seed.reviewCount ?? 10;
  return {
    id: seed.id,
    slug: seed.id,
    name: seed.name,
    category: seed.category,
    brand: seed.brand ?? 'Generic',
    description: seed.description ?? '',
    images: [`/images/products/${seed.id}-1.webp`, `/images/products/${seed.id}-2.webp`],
    variants: variants.map(({ id, options, price }) => ({ id, options, price })),
    stock: Object.fromEntries(variants.map((v) => [v.id, v.stock])),
    currency: 'USD',
    minPrice: Math.min(...variants.map((v) => v.price)),
    rating,
    reviewCount,
    ratingSort: rating * 1_000_000 + reviewCount,
    featuredRank: seed.featuredRank ?? 1000,
    createdAt: seed.createdAt ?? '2025-01-01T00:00:00.000Z',
    listAll: listAllKey(seed.id),
    tags: seed.tags ?? [],
  };
}

export const FIXTURE_CATEGORIES = [
  { slug: 'audio', name: 'Audio' },
  { slug: 'shoes', name: 'Shoes' },
  { slug: 'apparel', name: 'Apparel' },
  { slug: 'home-kitchen', name: 'Home & Kitchen' },
  { slug: 'outdoor', name: 'Outdoor' },
];

const HAND_PICKED: ProductSeed[] = [
  {
    id: 'wireless-headphones',
    name: 'Wireless Noise-Cancelling Headphones',
    category: 'audio',
    brand: 'Sonora',
    description: 'Over-ear headphones with 30 hours of battery.',
    tags: ['bluetooth', 'travel'],
    variants: [
      { options: { colour: 'Black' }, price: 19_999, stock: 4 },
      { options: { colour: 'Silver' }, price: 21_999, stock: 0 },
    ],
    rating: 4.6,
    reviewCount: 812,
    featuredRank: 1,
    createdAt: '2025-03-01T00:00:00.000Z',
  },
  {
    id: 'studio-headphones',
    name: 'Studio Monitor Headphones',
    category: 'audio',
    brand: 'Sonora',
    description: 'Flat response for mixing.',
    variants: [{ options: { colour: 'Black' }, price: 12_900, stock: 2 }],
    rating: 4.2,
    reviewCount: 140,
    featuredRank: 5,
    createdAt: '2024-11-10T00:00:00.000Z',
  },
  {
    id: 'bluetooth-speaker',
    name: 'Portable Bluetooth Speaker',
    category: 'audio',
    brand: 'Boomly',
    description: 'Waterproof speaker for the beach.',
    variants: [{ options: { colour: 'Blue' }, price: 4_999, stock: 0 }],
    rating: 3.9,
    featuredRank: 9,
    createdAt: '2025-05-20T00:00:00.000Z',
  },
  {
    id: 'trail-running-shoes',
    name: 'Trail Running Shoes',
    category: 'shoes',
    brand: 'Stride',
    description: 'Grippy outsole for muddy trails.',
    tags: ['running', 'trail'],
    variants: [
      { options: { size: '9', colour: 'Red' }, price: 8_999, stock: 3 },
      { options: { size: '10', colour: 'Blue' }, price: 8_999, stock: 0 },
    ],
    rating: 4.4,
    reviewCount: 300,
    featuredRank: 2,
    createdAt: '2025-04-02T00:00:00.000Z',
  },
  {
    id: 'road-running-shoes',
    name: 'Road Running Shoes',
    category: 'shoes',
    brand: 'Stride',
    description: 'Light and cushioned for long runs on pavement.',
    variants: [{ options: { size: '10', colour: 'White' }, price: 11_999, stock: 6 }],
    rating: 4.1,
    featuredRank: 3,
    createdAt: '2025-02-14T00:00:00.000Z',
  },
  {
    id: 'leather-walking-boots',
    name: 'Leather Walking Boots',
    category: 'shoes',
    brand: 'Fellside',
    description: 'Waterproof boots for hill walking.',
    variants: [{ options: { size: '8', colour: 'Brown' }, price: 15_999, stock: 1 }],
    rating: 3.5,
    featuredRank: 12,
    createdAt: '2023-09-01T00:00:00.000Z',
  },
  {
    id: 'merino-running-socks',
    name: 'Merino Running Socks',
    category: 'apparel',
    brand: 'Stride',
    description: 'Cushioned socks that keep feet dry.',
    variants: [{ options: { size: 'M' }, price: 1_499, stock: 40 }],
    rating: 4.8,
    featuredRank: 7,
    createdAt: '2025-06-01T00:00:00.000Z',
  },
  {
    id: 'chefs-knife',
    name: "Chef's Knife",
    category: 'home-kitchen',
    brand: 'Edgeworth',
    description: 'Forged steel, 20 cm blade.',
    variants: [{ options: {}, price: 7_999, stock: 8 }],
    rating: 4.7,
    featuredRank: 4,
    createdAt: '2024-12-01T00:00:00.000Z',
  },
  {
    id: 'cast-iron-skillet',
    name: 'Cast Iron Skillet',
    category: 'home-kitchen',
    brand: 'Edgeworth',
    description: 'Pre-seasoned pan that lasts a lifetime.',
    variants: [{ options: { format: '26 cm' }, price: 3_499, stock: 0 }],
    rating: 2.8,
    featuredRank: 20,
    createdAt: '2022-01-01T00:00:00.000Z',
  },
  {
    id: 'camping-tent',
    name: 'Two-Person Camping Tent',
    category: 'outdoor',
    brand: 'Fellside',
    description: 'Light tent for trail running races and hiking.',
    variants: [{ options: { colour: 'Green' }, price: 24_999, stock: 2 }],
    rating: 1.9,
    featuredRank: 30,
    createdAt: '2021-05-05T00:00:00.000Z',
  },
];

const TEE_COLOURS = ['Red', 'Navy', 'Olive', 'White', 'Black'];

/** Ten hand-picked products plus 150 tees, so one query has more than 100 hits across every facet value. */
export function fixtureProducts(): ProductRecord[] {
  const tees: ProductSeed[] = Array.from({ length: 150 }, (_, i) => ({
    id: `organic-tee-${String(i + 1).padStart(3, '0')}`,
    name: `Organic Cotton Tee ${i + 1}`,
    category: i % 10 === 0 ? 'outdoor' : 'apparel',
    brand: i % 2 === 0 ? 'Loomwell' : 'Threadly',
    description: 'Soft organic cotton tee.',
    tags: ['tee', 'cotton'],
    variants: [
      { options: { size: 'S', colour: TEE_COLOURS[i % 5]! }, price: 900 + ((i * 337) % 26_000), stock: i % 3 === 0 ? 0 : 4 },
      { options: { size: 'L', colour: TEE_COLOURS[i % 5]! }, price: 1_200 + ((i * 337) % 26_000), stock: 0 },
    ],
    rating: Math.round(((i * 7) % 41) + 10) / 10,
    reviewCount: i,
    featuredRank: 100 + ((i * 13) % 150),
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString(),
  }));
  return [...HAND_PICKED, ...tees].map(productRecord);
}

const ADJECTIVES = ['Classic', 'Ultra', 'Compact', 'Premium', 'Everyday', 'Pro', 'Lightweight', 'Rugged', 'Wireless', 'Organic', 'Vintage', 'Smart'];
const NOUNS_BY_CATEGORY: Record<string, string[]> = {
  audio: ['Headphones', 'Earbuds', 'Speaker', 'Soundbar', 'Turntable', 'Microphone'],
  shoes: ['Running Shoes', 'Sneakers', 'Boots', 'Sandals', 'Loafers', 'Trainers'],
  apparel: ['Tee', 'Hoodie', 'Jacket', 'Jeans', 'Socks', 'Sweater'],
  'home-kitchen': ['Skillet', 'Knife', 'Kettle', 'Blender', 'Mug', 'Cutting Board'],
  outdoor: ['Tent', 'Backpack', 'Sleeping Bag', 'Lantern', 'Water Bottle', 'Hammock'],
};
const BRANDS = ['Sonora', 'Stride', 'Loomwell', 'Threadly', 'Edgeworth', 'Fellside', 'Boomly', 'Northpeak', 'Cedar & Co', 'Brightline'];
const COLOURS = ['Black', 'White', 'Red', 'Blue', 'Green', 'Grey', 'Navy', 'Olive', 'Sand', 'Pink'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const WORDS =
  'durable comfortable designed for daily use with recycled materials and a two year warranty made to last ideal gift travel friendly easy care'.split(' ');

/** `count` plausible products across the fixture categories, for memory and latency measurements. */
export function syntheticProducts(count: number, seed = 42): ProductRecord[] {
  // Deterministic, so generated catalogs are the same on every run.
  const random = seededRandom(seed).next;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const categories = Object.keys(NOUNS_BY_CATEGORY);
  return Array.from({ length: count }, (_, i) => {
    const category = pick(categories);
    const noun = pick(NOUNS_BY_CATEGORY[category]!);
    const brand = pick(BRANDS);
    const name = `${brand} ${pick(ADJECTIVES)} ${noun} ${i + 1}`;
    const base = 500 + Math.floor(random() * 40_000);
    const variantCount = 1 + Math.floor(random() * 4);
    const colour = pick(COLOURS);
    const description = Array.from({ length: 30 }, () => pick(WORDS)).join(' ');
    return productRecord({
      id: `p${String(i + 1).padStart(6, '0')}`,
      name,
      category,
      brand,
      description: `${name}. ${description}.`,
      tags: [noun.toLowerCase(), pick(ADJECTIVES).toLowerCase()],
      variants: Array.from({ length: variantCount }, (_, v) => ({
        options: { colour: v === 0 ? colour : pick(COLOURS), size: SIZES[v % SIZES.length]! },
        price: base + v * 500,
        stock: random() < 0.2 ? 0 : Math.floor(random() * 50),
      })),
      rating: Math.round(random() * 50) / 10,
      reviewCount: Math.floor(random() * 2000),
      featuredRank: Math.floor(random() * 100_000),
      createdAt: new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 1000) * 86_400_000).toISOString(),
    });
  });
}
