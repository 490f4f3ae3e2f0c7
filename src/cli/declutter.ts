// Node entry of the CLI (built to dist/cli/declutter.mjs by scripts/build-cli.mjs).
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { main } from './main';
import packageJson from '../../package.json';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// A reader that closes the pipe early (`declutter page.html | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  readFile: (path) => readFile(path),
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => performance.now(),
  version: packageJson.version,
});
