// Where the benchmark reads and writes.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = resolve(ROOT, 'out/bench');
/** Default corpus folder: ../shared/corpus relative to the repo root. */
export const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpus');
