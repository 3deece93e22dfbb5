import { createServer } from 'node:http';
import { localBindHost } from '../bind-host';
import { openStore } from './records';
import { createSandboxApp } from './sandbox-app';

// The sandbox processor as its own process, started by local/stack.ts (payments-sandbox/launch.ts). Everything
// comes from the environment the launcher sets.
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`payments sandbox: ${name} is not set`);
  return value;
};
const port = Number(env('PAYMENTS_SANDBOX_PORT'));
const app = createSandboxApp({
  store: openStore(process.env.PAYMENTS_SANDBOX_FILE || null),
  secretKey: env('PAYMENTS_SANDBOX_SECRET_KEY'),
  allowedOrigins: env('PAYMENTS_SANDBOX_ALLOWED_ORIGINS').split(','),
  publicUrl: env('PAYMENTS_SANDBOX_PUBLIC_URL'),
  tokenTtlMs: Number(process.env.PAYMENTS_SANDBOX_TOKEN_TTL_MS) || undefined,
  challengeTtlMs: Number(process.env.PAYMENTS_SANDBOX_CHALLENGE_TTL_MS) || undefined,
});
const server = createServer(app);
server.listen(port, localBindHost(), () => console.log(`payments sandbox listening on ${localBindHost()}:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
