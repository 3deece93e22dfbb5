// The assistant's bot: intents, slots, slot types and sample utterances. One definition serves two readers:
// deployment creates the Lex V2 bot from it (scripts turn it into CreateIntent/CreateSlot calls; see
// docs/assistant.md), and the local rule-based parser is tested against every sample utterance here, so the two
// engines are held to the same intents. `{Slot}` marks a slot in an utterance, as in Lex.

export type IntentName = 'OrderStatus' | 'ProductSearch' | 'StoreFinder' | 'Help' | 'FallbackIntent';
export type SlotName = 'OrderId' | 'Colour' | 'MaxPrice' | 'Category' | 'Place';

export type SlotTypeDefinition = { name: string; values: { value: string; synonyms: string[] }[] };
export type SlotDefinition = { name: SlotName; slotType: string; required: boolean; prompt?: string };
export type IntentDefinition = { name: IntentName; description: string; slots: SlotDefinition[]; sampleUtterances: string[] };

export const COLOURS = [
  'black',
  'white',
  'red',
  'blue',
  'navy',
  'grey',
  'green',
  'orange',
  'yellow',
  'purple',
  'pink',
  'teal',
  'brown',
  'tan',
  'olive',
  'forest green',
  'sand',
  'burgundy',
  'mustard',
  'sky blue',
] as const;

/** Category slugs of the catalog and the words shoppers use for them. */
export const CATEGORY_SYNONYMS: Record<string, string[]> = {
  'running-shoes': ['running shoes', 'running shoe', 'runners', 'trainers', 'sneakers'],
  'hiking-boots': ['hiking boots', 'hiking boot', 'boots', 'trekking boots'],
  't-shirts': ['t-shirts', 't-shirt', 'tshirts', 'tshirt', 'tees', 'tee'],
  hoodies: ['hoodies', 'hoodie', 'sweatshirts', 'sweatshirt'],
  jackets: ['jackets', 'jacket', 'coats', 'coat', 'raincoat'],
  backpacks: ['backpacks', 'backpack', 'rucksack', 'daypack', 'bags'],
  books: ['books', 'book', 'novels', 'novel'],
  'board-games': ['board games', 'board game', 'games', 'game'],
  headphones: ['headphones', 'headphone', 'earbuds', 'headset'],
  coffee: ['coffee', 'beans', 'espresso'],
  kitchen: ['kitchen', 'cookware', 'kettle', 'pans'],
  yoga: ['yoga', 'yoga mat', 'mats'],
};

export const SLOT_TYPES: SlotTypeDefinition[] = [
  { name: 'ColourType', values: COLOURS.map((c) => ({ value: c, synonyms: c === 'grey' ? ['gray'] : [] })) },
  { name: 'CategoryType', values: Object.entries(CATEGORY_SYNONYMS).map(([value, synonyms]) => ({ value, synonyms })) },
];

export const INTENTS: IntentDefinition[] = [
  {
    name: 'OrderStatus',
    description: "Where the signed-in shopper's orders are.",
    slots: [{ name: 'OrderId', slotType: 'AMAZON.AlphaNumeric', required: false }],
    sampleUtterances: [
      'where is my order',
      'where is my package',
      "where's my stuff",
      'track my order',
      'track my parcel',
      'order status',
      'what is the status of my order',
      'has my order shipped',
      'when will my order arrive',
      'when does my delivery arrive',
      'did my package ship yet',
      'show my recent orders',
      'status of order {OrderId}',
      'where is order {OrderId}',
    ],
  },
  {
    name: 'ProductSearch',
    description: 'Find products by colour, price and category.',
    slots: [
      { name: 'Colour', slotType: 'ColourType', required: false },
      { name: 'MaxPrice', slotType: 'AMAZON.Number', required: false },
      { name: 'Category', slotType: 'CategoryType', required: false, prompt: 'What are you looking for?' },
    ],
    sampleUtterances: [
      // biome-ignore-start lint/suspicious/noTemplateCurlyInString: `${MaxPrice}` is a dollar sign before the Lex slot {MaxPrice}, not a template
      'find {Colour} {Category} under ${MaxPrice}',
      'find {Colour} {Category} under {MaxPrice} dollars',
      'show me {Colour} {Category}',
      'i am looking for {Category}',
      "i'm looking for {Colour} {Category} below ${MaxPrice}",
      'do you have {Category} for less than ${MaxPrice}',
      '{Category} under ${MaxPrice}',
      // biome-ignore-end lint/suspicious/noTemplateCurlyInString: end of the utterances with a dollar sign before a slot
      'cheap {Category}',
      'search for {Category}',
      'i want to buy {Colour} {Category}',
      'any {Colour} {Category} in stock',
      'show {Category} cheaper than {MaxPrice}',
      'recommend some {Category}',
      'i need new {Category}',
    ],
  },
  {
    name: 'StoreFinder',
    description: 'Nearest stores to a city, ZIP code or address.',
    slots: [{ name: 'Place', slotType: 'AMAZON.City', required: true, prompt: 'Which city or ZIP code should I look near?' }],
    sampleUtterances: [
      'stores near {Place}',
      'find a store near {Place}',
      'is there a store in {Place}',
      'where is your shop in {Place}',
      'closest store to {Place}',
      'nearest store to {Place}',
      'store locations in {Place}',
      'opening hours of the store in {Place}',
      'where can i shop in person',
      'find a store',
    ],
  },
  {
    name: 'Help',
    description: 'What the assistant can do.',
    slots: [],
    sampleUtterances: ['help', 'what can you do', 'how does this work', 'hello', 'hi there', 'can you help me', 'what can i ask you'],
  },
];
