// Runs the CLI's main() with in-memory input and output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], stdin: Uint8Array | string = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: (path) => readFile(path),
    readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: () => performance.now(),
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}

export const FIXTURES = join(import.meta.dirname, '../fixtures/pages');
