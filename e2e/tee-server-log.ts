import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The server's whole output for the card data scan (e2e/card-data-scan.teardown.ts): every line, at info level, goes
// to a file beside the stack's env; the terminal still shows only what LOG_LEVEL asked for (warn in Playwright's
// config), so CI output stays readable while the scan reads everything the server said.

const ORDER = ['debug', 'info', 'warn', 'error'];

export function serverLogFile(port: number | string): string {
  return join(tmpdir(), `storefront-e2e-${port}.log`);
}

export function teeServerLog(child: ChildProcess, port: number, consoleLevel: string | undefined): void {
  const file = createWriteStream(serverLogFile(port), { flags: 'w' });
  const min = ORDER.indexOf(consoleLevel ?? 'info');
  const forward = (out: NodeJS.WriteStream) => {
    let rest = '';
    return (chunk: Buffer) => {
      file.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const level = /"level":"(\w+)"/.exec(line)?.[1];
        if (consoleLevel === 'silent') continue;
        if (!level || min < 0 || ORDER.indexOf(level) >= min) out.write(`${line}\n`);
      }
    };
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', () => file.end());
}
