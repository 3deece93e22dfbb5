// Word lists and price plans for the demo catalog's twelve categories. Data only; demo-catalog.ts draws from it.
// Brands are invented. Name patterns use {brand} {adj} {mat} {noun}; sentences also get {name} and lower-case
// forms {adj_l} {mat_l} {noun_l}.

/** How a category's variants differ. */
export type VariantPlan =
  | { kind: 'size-colour'; sizes: readonly string[]; sizeRun: readonly [number, number]; colours: readonly [number, number]; largeSizeSurcharge: number }
  | { kind: 'colour'; colours: readonly [number, number] }
  | { kind: 'book-format' }
  | { kind: 'coffee' }
  | { kind: 'edition' };

export type DemoCategory = {
  slug: string;
  name: string;
  description: string;
  brands: readonly string[];
  adjectives: readonly string[];
  materials: readonly string[];
  nouns: readonly string[];
  namePatterns: readonly string[];
  /** Price range of the cheapest variant, whole dollars. */
  priceDollars: readonly [number, number];
  /** Colour names this category comes in (only used by colour plans). */
  palette: readonly string[];
  tags: readonly string[];
  sentences: readonly string[];
  variants: VariantPlan;
};

const SHOE_SIZES = ['6', '6.5', '7', '7.5', '8', '8.5', '9', '9.5', '10', '10.5', '11', '11.5', '12', '13'];
const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const BRIGHT = ['Black', 'White', 'Red', 'Blue', 'Navy', 'Grey', 'Green', 'Orange', 'Yellow', 'Purple', 'Pink', 'Teal'];
const EARTHY = ['Black', 'Brown', 'Tan', 'Olive', 'Grey', 'Red', 'Blue', 'Navy', 'Forest Green', 'Sand'];
const BASICS = ['Black', 'White', 'Grey', 'Navy', 'Red', 'Blue', 'Green', 'Olive', 'Burgundy', 'Mustard', 'Pink', 'Sky Blue'];

export const demoCategories: readonly DemoCategory[] = [
  {
    slug: 'running-shoes',
    name: 'Running Shoes',
    description: 'Road, trail and race-day shoes, cushioned and light.',
    brands: ['Stridewell', 'Pacer & Co', 'Fleetfoot', 'Kinetica', 'Northlane', 'Aerostride'],
    adjectives: ['Swift', 'Featherlight', 'Tempo', 'Cloudstep', 'Rapid', 'Endurance', 'Glide', 'Racer', 'Daily', 'Trail'],
    materials: ['Mesh', 'Knit', 'Foam', 'Carbon', 'Recycled', 'Breathable'],
    nouns: ['Runner', 'Trainer', 'Racer', 'Road Shoe', 'Trail Shoe', 'Marathon Shoe'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun}', '{brand} {mat} {noun} {n}'],
    priceDollars: [55, 180],
    palette: BRIGHT,
    tags: ['running', 'shoes', 'sport', 'cushioned', 'road', 'trail', 'lightweight', 'marathon'],
    sentences: [
      'The {name} pairs a {mat_l} upper with a responsive foam midsole for easy miles and fast days alike.',
      'A {adj_l} ride with a secure heel and a roomy toe box.',
      'Built by {brand} for runners who log real distance, it weighs less than you expect.',
      'The outsole grips wet tarmac and packed gravel without adding bulk.',
      'Reflective details keep you visible on early-morning and late-evening runs.',
      'A breathable tongue and padded collar stay comfortable past the half-marathon mark.',
    ],
    variants: { kind: 'size-colour', sizes: SHOE_SIZES, sizeRun: [4, 7], colours: [1, 3], largeSizeSurcharge: 0 },
  },
  {
    slug: 'hiking-boots',
    name: 'Hiking Boots',
    description: 'Waterproof boots for day hikes and long treks.',
    brands: ['Ridgeback', 'Summit Supply', 'Cairnworks', 'Alpenmark', 'Trailhead', 'Highfell'],
    adjectives: ['Alpine', 'Rugged', 'Summit', 'Backcountry', 'All-Terrain', 'Ridge', 'Canyon', 'Glacier'],
    materials: ['Leather', 'Suede', 'Nubuck', 'Gore-Tex', 'Waxed Canvas', 'Full-Grain Leather'],
    nouns: ['Hiking Boot', 'Trekking Boot', 'Hiker', 'Mountain Boot', 'Mid Boot'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun}'],
    priceDollars: [89, 260],
    palette: EARTHY,
    tags: ['hiking', 'boots', 'outdoor', 'waterproof', 'trekking', 'mountain'],
    sentences: [
      'The {name} is cut from {mat_l} with a waterproof membrane that still lets your feet breathe.',
      'A {adj_l} lugged sole bites into mud, scree and wet rock.',
      '{brand} adds a supportive ankle collar and a protective toe cap for long days on uneven ground.',
      'Break-in is short, and the cushioned footbed stays comfortable on multi-day treks.',
      'Speed hooks make lacing quick with cold fingers.',
    ],
    variants: { kind: 'size-colour', sizes: SHOE_SIZES, sizeRun: [4, 6], colours: [1, 2], largeSizeSurcharge: 0 },
  },
  {
    slug: 't-shirts',
    name: 'T-Shirts',
    description: 'Everyday tees in soft cotton and technical fabrics.',
    brands: ['Common Thread', 'Loomhouse', 'Basic Theory', 'Harbor & Pine', 'Everwear', 'Cottonfield'],
    adjectives: ['Classic', 'Relaxed', 'Vintage', 'Essential', 'Slim', 'Heavyweight', 'Pocket', 'Everyday', 'Boxy'],
    materials: ['Cotton', 'Organic Cotton', 'Linen', 'Merino', 'Bamboo', 'Slub Cotton'],
    nouns: ['Tee', 'T-Shirt', 'Crew Tee', 'V-Neck Tee', 'Henley'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{adj} {mat} {noun} by {brand}'],
    priceDollars: [15, 45],
    palette: BASICS,
    tags: ['t-shirt', 'tee', 'casual', 'cotton', 'basics', 'summer'],
    sentences: [
      'The {name} is a {adj_l} cut in soft {mat_l} that gets better with every wash.',
      'Pre-shrunk, with a collar that keeps its shape.',
      '{brand} dyes each batch in small runs for rich, even colour.',
      'Wear it alone in summer or layer it under a shirt in winter.',
      'Flat seams sit comfortably under a backpack strap.',
    ],
    variants: { kind: 'size-colour', sizes: APPAREL_SIZES, sizeRun: [3, 6], colours: [2, 4], largeSizeSurcharge: 200 },
  },
  {
    slug: 'hoodies',
    name: 'Hoodies',
    description: 'Pullovers and zip hoodies for cool mornings.',
    brands: ['Common Thread', 'Fogline', 'Northlane', 'Harbor & Pine', 'Campfire', 'Everwear'],
    adjectives: ['Cozy', 'Oversized', 'Classic', 'Heavyweight', 'Zip-Up', 'Lightweight', 'Brushed', 'Weekend'],
    materials: ['Fleece', 'French Terry', 'Cotton', 'Organic Cotton', 'Sherpa', 'Recycled Fleece'],
    nouns: ['Hoodie', 'Pullover Hoodie', 'Zip Hoodie', 'Hooded Sweatshirt'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{adj} {mat} {noun} by {brand}'],
    priceDollars: [35, 95],
    palette: BASICS,
    tags: ['hoodie', 'sweatshirt', 'casual', 'fleece', 'layering', 'autumn'],
    sentences: [
      'The {name} is made of {mat_l} with a brushed interior that feels warm from the first wear.',
      'A lined hood, ribbed cuffs and a kangaroo pocket big enough for a phone and gloves.',
      '{brand} double-stitches every seam so it lasts for years of weekends.',
      'A {adj_l} fit that works over a tee or under a shell.',
      'Garment-dyed for a lived-in look that does not fade unevenly.',
    ],
    variants: { kind: 'size-colour', sizes: APPAREL_SIZES, sizeRun: [3, 5], colours: [1, 3], largeSizeSurcharge: 300 },
  },
  {
    slug: 'jackets',
    name: 'Jackets',
    description: 'Rain shells, insulated jackets and everyday layers.',
    brands: ['Ridgeback', 'Stormline', 'Alpenmark', 'Urban Fjord', 'Highfell', 'Windward'],
    adjectives: ['Packable', 'Insulated', 'Waterproof', 'Windproof', 'Quilted', 'Lightweight', 'Storm', 'Commuter'],
    materials: ['Down', 'Softshell', 'Nylon', 'Waxed Cotton', 'Ripstop', 'Recycled Polyester'],
    nouns: ['Jacket', 'Shell', 'Parka', 'Puffer', 'Anorak', 'Rain Jacket'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun}'],
    priceDollars: [69, 349],
    palette: EARTHY,
    tags: ['jacket', 'outerwear', 'outdoor', 'waterproof', 'winter', 'layering'],
    sentences: [
      'The {name} keeps out wind and rain with taped seams and a {mat_l} shell.',
      'It packs into its own pocket and weighs next to nothing in a bag.',
      '{brand} adds an adjustable hood, zipped hand pockets and a dropped hem for coverage.',
      'A {adj_l} layer for commutes, ridge walks and everything in between.',
      'Pit zips dump heat fast on steep climbs.',
    ],
    variants: { kind: 'size-colour', sizes: APPAREL_SIZES, sizeRun: [3, 5], colours: [1, 3], largeSizeSurcharge: 500 },
  },
  {
    slug: 'backpacks',
    name: 'Backpacks',
    description: 'Daypacks, commuter bags and travel packs.',
    brands: ['Packwell', 'Cairnworks', 'Urban Fjord', 'Trailhead', 'Nomad Goods', 'Carryall'],
    adjectives: ['Commuter', 'Daypack', 'Roll-Top', 'Travel', 'Minimal', 'Weatherproof', 'Expedition', 'Everyday'],
    materials: ['Canvas', 'Nylon', 'Cordura', 'Recycled', 'Waxed Canvas', 'Ripstop'],
    nouns: ['Backpack', 'Pack', 'Daypack', 'Rucksack', 'Laptop Backpack'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun} {litres}L'],
    priceDollars: [35, 199],
    palette: ['Black', 'Grey', 'Navy', 'Olive', 'Red', 'Blue', 'Tan', 'Orange', 'Forest Green', 'Charcoal'],
    tags: ['backpack', 'bag', 'travel', 'commute', 'laptop', 'outdoor'],
    sentences: [
      'The {name} carries a 16-inch laptop in a padded sleeve and the rest of your day around it.',
      'Tough {mat_l} shrugs off rain and scuffs.',
      '{brand} shaped the straps and back panel to stay comfortable on long walks.',
      'Quick-access pockets hold keys, a phone and a water bottle where you can reach them.',
      'A {adj_l} bag that fits under an aeroplane seat.',
    ],
    variants: { kind: 'colour', colours: [1, 4] },
  },
  {
    slug: 'books',
    name: 'Books',
    description: 'Novels, field guides and cookbooks in print and ebook.',
    brands: ['Lantern Press', 'Meridian Books', 'Foxglove House', 'Inkwell & Co', 'Tidewater Publishing', 'Northstar Editions'],
    adjectives: ['Quiet', 'Lost', 'Silver', 'Hidden', 'Long', 'Northern', 'Last', 'Burning', 'Salt', 'Winter', 'Secret', 'Wild'],
    materials: ['Rivers', 'Maps', 'Gardens', 'Stars', 'Letters', 'Islands', 'Bones', 'Lanterns'],
    nouns: ['Orchard', 'Harbour', 'Cartographer', 'Lighthouse', 'Season', 'Atlas', 'Kingdom', 'Kitchen', 'Road', 'Library'],
    namePatterns: ['The {adj} {noun}', '{mat} of the {adj} {noun}', 'A {adj} {noun}', 'The {noun} of {mat}'],
    priceDollars: [10, 35],
    palette: [],
    tags: ['books', 'reading', 'fiction', 'gift', 'bestseller', 'book club'],
    sentences: [
      '{name} is a story of family, memory and the places that hold them.',
      'Critics called it a {adj_l}, unhurried book that rewards slow reading.',
      'Published by {brand}, with a new afterword by the author.',
      'Perfect for a long train journey or a rainy weekend.',
      'Book clubs will find plenty to argue about in its final chapters.',
      'Includes maps and a reading guide.',
    ],
    variants: { kind: 'book-format' },
  },
  {
    slug: 'board-games',
    name: 'Board Games',
    description: 'Strategy, party and family games for the table.',
    brands: ['Meeple Forge', 'Tabletop Tales', 'Dicewright', 'Castle Hill Games', 'Pawnshop Studio', 'Rolling Owl'],
    adjectives: ['Tiny', 'Grand', 'Lost', 'Clockwork', 'Galactic', 'Haunted', 'Sunken', 'Merchant', 'Dragon', 'Pocket'],
    materials: ['Empires', 'Islands', 'Railways', 'Gardens', 'Caverns', 'Harbors', 'Kingdoms', 'Orchards'],
    nouns: ['Quest', 'Builders', 'Heist', 'Expedition', 'Council', 'Festival', 'Conquest', 'Voyage'],
    namePatterns: ['{adj} {mat}', '{adj} {noun}', '{mat}: The {noun}', 'The {adj} {noun}'],
    priceDollars: [19, 89],
    palette: [],
    tags: ['board game', 'games', 'family', 'strategy', 'party', 'tabletop', 'gift'],
    sentences: [
      '{name} is a game for two to five players that plays in about an hour.',
      'Easy to teach, with enough depth to keep seasoned players coming back.',
      '{brand} packs it with chunky wooden pieces and beautifully illustrated cards.',
      'Every game plays differently thanks to a modular board.',
      'A favourite for family nights and game groups alike.',
    ],
    variants: { kind: 'edition' },
  },
  {
    slug: 'headphones',
    name: 'Headphones',
    description: 'Wireless, noise-cancelling and studio headphones.',
    brands: ['Sonique', 'Auralis', 'Bassline Audio', 'Quietwave', 'Hertz & Hale', 'Echofield'],
    adjectives: ['Wireless', 'Noise-Cancelling', 'Studio', 'Sport', 'Foldable', 'Hi-Fi', 'Travel', 'Reference'],
    materials: ['Aluminium', 'Memory Foam', 'Leather', 'Carbon', 'Titanium', 'Matte'],
    nouns: ['Headphones', 'Over-Ear Headphones', 'On-Ear Headphones', 'Earbuds', 'Headset'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun} {n}'],
    priceDollars: [25, 399],
    palette: ['Black', 'White', 'Silver', 'Navy', 'Red', 'Rose Gold', 'Midnight Blue', 'Sage'],
    tags: ['headphones', 'audio', 'music', 'wireless', 'bluetooth', 'noise cancelling'],
    sentences: [
      'The {name} delivers deep, controlled bass and clear highs at any volume.',
      'Battery life runs to about 30 hours, and a ten-minute charge gives three more.',
      '{brand} uses {mat_l} ear cushions that stay comfortable through a long flight.',
      'Multipoint pairing switches between laptop and phone without fuss.',
      'A {adj_l} design that packs flat into the included case.',
    ],
    variants: { kind: 'colour', colours: [1, 3] },
  },
  {
    slug: 'coffee',
    name: 'Coffee',
    description: 'Single-origin and blended coffee, roasted weekly.',
    brands: ['Ember Roasters', 'Morning Ritual', 'Highland Bean Co', 'Copper Kettle', 'Little Crow Coffee', 'Second Wave'],
    adjectives: ['Ethiopia', 'Colombia', 'Kenya', 'Guatemala', 'Brazil', 'Sumatra', 'Costa Rica', 'Rwanda', 'House', 'Espresso'],
    materials: ['Washed', 'Natural', 'Honey', 'Decaf', 'Single Estate', 'Organic'],
    nouns: ['Light Roast', 'Medium Roast', 'Dark Roast', 'Blend', 'Filter Roast', 'Espresso Roast'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {adj} {noun}'],
    priceDollars: [12, 28],
    palette: [],
    tags: ['coffee', 'beans', 'single origin', 'espresso', 'filter', 'breakfast'],
    sentences: [
      'The {name} tastes of stone fruit, brown sugar and cocoa.',
      '{brand} roasts every Monday and ships within two days of roasting.',
      'A {mat_l} process lot, sourced directly from the growers.',
      'Brews a sweet, balanced cup as filter or espresso.',
      'Packed in a resealable bag with a one-way valve to keep it fresh.',
    ],
    variants: { kind: 'coffee' },
  },
  {
    slug: 'kitchen',
    name: 'Kitchen',
    description: 'Cookware, knives and tools for the home cook.',
    brands: ['Hearth & Home', 'Copperline', 'Chef Table', 'Mise Works', 'Oakridge Kitchen', 'Saltbox'],
    adjectives: ['Classic', "Chef's", 'Nonstick', 'Professional', 'Everyday', 'Heritage', 'Compact', 'Heavy-Duty'],
    materials: ['Cast Iron', 'Stainless Steel', 'Enamelled', 'Copper', 'Carbon Steel', 'Ceramic', 'Bamboo'],
    nouns: ['Skillet', 'Dutch Oven', 'Saucepan', 'Stockpot', 'Knife Set', 'Cutting Board', 'Kettle', 'Frying Pan'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {mat} {noun}'],
    priceDollars: [12, 229],
    palette: ['Black', 'White', 'Red', 'Blue', 'Sage', 'Cream', 'Charcoal', 'Stainless'],
    tags: ['kitchen', 'cookware', 'cooking', 'home', 'gift', 'baking'],
    sentences: [
      'The {name} heats evenly and holds its temperature for a proper sear.',
      'Made from {mat_l} that goes from hob to oven to table.',
      '{brand} backs it with a lifetime warranty.',
      'Dishwasher-safe, though a quick hand wash keeps it looking new.',
      'A {adj_l} piece you will reach for every day.',
    ],
    variants: { kind: 'colour', colours: [1, 3] },
  },
  {
    slug: 'yoga',
    name: 'Yoga',
    description: 'Mats, blocks and straps for practice at home or in the studio.',
    brands: ['Lotus Lane', 'Breathwork', 'Still Point', 'Namaste Supply', 'Flowstate', 'Groundwell'],
    adjectives: ['Grip', 'Travel', 'Eco', 'Cushioned', 'Balance', 'Studio', 'Restorative', 'Alignment'],
    materials: ['Natural Rubber', 'Cork', 'TPE', 'Organic Cotton', 'Jute', 'Foam'],
    nouns: ['Yoga Mat', 'Yoga Block', 'Yoga Strap', 'Bolster', 'Meditation Cushion', 'Mat Bag'],
    namePatterns: ['{brand} {adj} {mat} {noun}', '{brand} {mat} {noun}'],
    priceDollars: [15, 129],
    palette: ['Black', 'Purple', 'Teal', 'Blue', 'Pink', 'Sage', 'Grey', 'Red', 'Sand'],
    tags: ['yoga', 'fitness', 'mat', 'meditation', 'pilates', 'home workout'],
    sentences: [
      'The {name} gives steady grip in a sweaty vinyasa and a soft landing in long holds.',
      'Made from {mat_l}, free of PVC and easy to clean.',
      '{brand} designed it with teachers and tested it in busy studios.',
      'Light enough to carry to class, dense enough for a daily home practice.',
      'A {adj_l} companion for beginners and long-time practitioners.',
    ],
    variants: { kind: 'colour', colours: [1, 4] },
  },
];

export const BOOK_FORMATS = ['Paperback', 'Hardcover', 'Ebook'] as const;
export const COFFEE_WEIGHTS = [
  { label: '250 g', multiplier: 1 },
  { label: '500 g', multiplier: 1.85 },
  { label: '1 kg', multiplier: 3.4 },
] as const;
export const COFFEE_GRINDS = ['Whole bean', 'Espresso', 'Filter', 'French press'] as const;
export const GAME_EDITIONS = ['Standard', 'Deluxe'] as const;
