/**
 * The `brankas` command (package.json "bin" → out/main/cli.js, built by electron-vite with a
 * `#!/usr/bin/env node` banner). Plain Node: no Electron. All the work is in `runCli`.
 */
import { runCli } from './run';

const abort = new AbortController();
process.once('SIGINT', () => {
  abort.abort();
  // A second Ctrl-C ends the process at once.
  process.once('SIGINT', () => process.exit(130));
});

// The reader went away (`brankas export … | head`): stop quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

void runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: abort.signal,
}).then((code) => {
  process.exitCode = code;
});
