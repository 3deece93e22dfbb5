import { failAndExit, onShutdown } from './shutdown';
import { type Stack, startStack } from './stack';

// `npm run stack`: the local AWS stack without Next, for running the app or scripts against it from another
// shell. Prints the environment as `export` lines (stdout); status goes to stderr.

let stack: Stack | undefined;
onShutdown(async () => {
  await stack?.stop();
});

const shellQuote = (v: string) => (/^[A-Za-z0-9_./:@-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

async function main(): Promise<void> {
  stack = await startStack({ dataDir: '.local-data', quiet: true });
  const d = stack.details;
  console.error(`Local stack ready in ${(d.timings.total / 1000).toFixed(1)} s (data in .local-data). Paste into another shell:`);
  for (const [key, value] of Object.entries(stack.env)) console.log(`export ${key}=${shellQuote(value)}`);
  console.error('Ctrl-C to stop');
  // Keep running until a signal arrives; onShutdown stops the stack and exits.
  setInterval(() => {}, 1 << 30);
}

main().catch(failAndExit);
