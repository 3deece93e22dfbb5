// Flat pictograms on a 200×200 grid, one per demo category. `body` is drawn in the light ink colour and again,
// offset and dark, as its shadow; `detail` is drawn over it in the palette's deep colour. Elements leave fill and
// stroke colours to the enclosing group so one shape serves all three passes.

export type Pictogram = { body: string; detail: string };

const runningShoe: Pictogram = {
  body: '<path d="M18 128C18 112 30 104 46 102L78 96C88 80 96 66 112 64C122 63 128 70 134 80L146 98C166 104 186 112 186 132L186 140C186 146 182 150 176 150L26 150C21 150 18 146 18 140Z"/>',
  detail:
    '<path d="M18 136L186 136L186 142C186 147 182 150 176 150L26 150C21 150 18 147 18 142Z"/>' +
    '<path d="M60 120C90 126 130 118 160 108" fill="none" stroke-width="6"/>' +
    '<path d="M96 84L110 92M102 76L116 84M108 69L121 76" fill="none" stroke-width="4"/>',
};

const hikingBoot: Pictogram = {
  body: '<path d="M46 34L104 34C108 34 110 37 110 41L112 96C140 100 170 106 182 120C188 127 188 134 188 140L188 152L30 152L30 120C30 100 40 84 42 60L42 38C42 36 44 34 46 34Z"/>',
  detail:
    '<path d="M30 140L188 140L188 156C188 160 185 162 181 162L37 162C33 162 30 160 30 156Z"/>' +
    '<path d="M42 34L110 34L110 46L42 46Z"/>' +
    '<path d="M80 58L104 58M80 70L105 70M80 82L106 82M84 94L110 96" fill="none" stroke-width="4"/>',
};

const tShirt: Pictogram = {
  body: '<path d="M70 30C80 44 120 44 130 30L162 42L188 78L160 96L150 86L150 176L50 176L50 86L40 96L12 78L38 42Z"/>',
  detail: '<path d="M70 30C80 44 120 44 130 30" fill="none" stroke-width="6"/>' + '<path d="M50 112L150 112L150 126L50 126Z" opacity="0.55"/>',
};

const hoodie: Pictogram = {
  body: '<path d="M64 40C64 18 136 18 136 40L164 52L188 150L166 156L150 96L150 178L50 178L50 96L34 156L12 150L36 52Z"/>',
  detail:
    '<path d="M78 44C78 30 122 30 122 44C122 58 78 58 78 44Z"/>' +
    '<path d="M70 140L130 140L138 168L62 168Z" fill="none" stroke-width="4"/>' +
    '<path d="M92 56L90 84M108 56L110 84" fill="none" stroke-width="4"/>',
};

const jacket: Pictogram = {
  body: '<path d="M72 26L100 40L128 26L160 38L186 160L164 166L150 100L150 180L50 180L50 100L36 166L14 160L40 38Z"/>',
  detail: '<path d="M72 26L100 40L128 26L122 50L100 58L78 50Z"/>' + '<path d="M100 40L100 180M62 132L84 128M116 128L138 132" fill="none" stroke-width="4"/>',
};

const backpack: Pictogram = {
  body:
    '<path d="M52 52C52 38 66 30 80 30L120 30C134 30 148 38 148 52L152 168C152 176 146 182 138 182L62 182C54 182 48 176 48 168Z"/>' +
    '<path d="M84 30C84 12 116 12 116 30" fill="none" stroke-width="8"/>',
  detail:
    '<path d="M64 116L136 116L136 160C136 166 132 170 126 170L74 170C68 170 64 166 64 160Z"/>' +
    '<path d="M52 70C80 82 120 82 148 70" fill="none" stroke-width="4"/>',
};

const book: Pictogram = {
  body: '<path d="M50 28L150 28C156 28 160 32 160 38L160 162C160 168 156 172 150 172L50 172C44 172 40 168 40 162L40 38C40 32 44 28 50 28Z"/>',
  detail:
    '<path d="M40 38L40 162C40 168 44 172 50 172L60 172L60 28L50 28C44 28 40 32 40 38Z"/>' +
    '<path d="M76 60L140 60L140 68L76 68ZM76 78L124 78L124 84L76 84Z"/>' +
    '<path d="M128 172L128 192L134 185L140 192L140 172Z"/>',
};

const boardGame: Pictogram = {
  body:
    '<rect x="24" y="72" width="96" height="96" rx="18"/>' +
    '<circle cx="152" cy="72" r="16"/>' +
    '<path d="M138 156C138 128 143 108 152 94C161 108 166 128 166 156Z"/>' +
    '<rect x="128" y="152" width="48" height="14" rx="5"/>',
  detail:
    '<circle cx="48" cy="96" r="8"/><circle cx="96" cy="96" r="8"/><circle cx="72" cy="120" r="8"/>' +
    '<circle cx="48" cy="144" r="8"/><circle cx="96" cy="144" r="8"/>',
};

const headphones: Pictogram = {
  body:
    '<path d="M38 124C38 46 162 46 162 124" fill="none" stroke-width="14"/>' +
    '<rect x="22" y="106" width="40" height="66" rx="16"/><rect x="138" y="106" width="40" height="66" rx="16"/>',
  detail: '<rect x="50" y="116" width="10" height="46" rx="5"/><rect x="140" y="116" width="10" height="46" rx="5"/>',
};

const coffee: Pictogram = {
  body:
    '<path d="M40 80L150 80L142 150C140 162 130 170 118 170L72 170C60 170 50 162 48 150Z"/>' +
    '<path d="M146 94C176 94 176 134 144 134" fill="none" stroke-width="10"/>' +
    '<ellipse cx="96" cy="178" rx="72" ry="8"/>' +
    '<path d="M76 66C66 54 86 46 76 34M98 66C88 54 108 46 98 34M120 66C110 54 130 46 120 34" fill="none" stroke-width="6" opacity="0.85"/>',
  detail: '<ellipse cx="95" cy="84" rx="52" ry="6"/><path d="M62 120L128 120" fill="none" stroke-width="5" opacity="0.6"/>',
};

const kitchen: Pictogram = {
  body:
    '<path d="M36 84L164 84L158 160C157 170 150 176 140 176L60 176C50 176 43 170 42 160Z"/>' +
    '<path d="M30 78C30 52 170 52 170 78Z"/><rect x="88" y="40" width="24" height="14" rx="5"/>',
  detail:
    '<rect x="12" y="98" width="28" height="12" rx="6"/><rect x="160" y="98" width="28" height="12" rx="6"/><rect x="42" y="104" width="116" height="8" opacity="0.5"/>',
};

const yoga: Pictogram = {
  body: '<path d="M60 132L186 132L186 146L60 146Z"/><circle cx="60" cy="100" r="46"/>',
  detail: '<path d="M60 100m-6 0a6 6 0 1 1 12 0a12 12 0 1 1-24 0a18 18 0 1 1 36 0a24 24 0 1 1-48 0a30 30 0 1 1 60 0" fill="none" stroke-width="4"/>',
};

/** For categories the demo does not know: a price tag. */
export const genericPictogram: Pictogram = {
  body: '<path d="M40 40L120 40L176 96L112 160L40 88Z"/>',
  detail: '<circle cx="70" cy="70" r="10"/><path d="M96 104L132 104M88 120L124 120" fill="none" stroke-width="5"/>',
};

export const pictogramsByCategory: Readonly<Record<string, Pictogram>> = {
  'running-shoes': runningShoe,
  'hiking-boots': hikingBoot,
  't-shirts': tShirt,
  hoodies: hoodie,
  jackets: jacket,
  backpacks: backpack,
  books: book,
  'board-games': boardGame,
  headphones,
  coffee,
  kitchen,
  yoga,
};
