#!/usr/bin/env node
// The package's `declutter` command: runs the built CLI (dist/cli/declutter.mjs, made by
// `npm run build:cli`, which `npm ci` runs through the "prepare" script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli/declutter.mjs');
if (!existsSync(built)) {
  process.stderr.write(
    'declutter: the CLI is not built yet: run `npm run build:cli` (or `npm ci`) in the package folder\n',
  );
  process.exit(1);
}
await import(pathToFileURL(built).href);
