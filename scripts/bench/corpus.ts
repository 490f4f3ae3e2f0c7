// The corpus pages the benchmark runs over. The corpus is not ours and never enters the repo: it
// is read from a folder given on the command line (default ../shared/corpus).
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CorpusPage {
  set: 'readability' | 'dragnet';
  /** Slug (readability) or file stem (dragnet). */
  id: string;
  /** Server mount prefix and the path under it. */
  prefix: string;
  path: string;
  bytes: number;
}

/** Lists the pages of both sets; `limit` caps each set (first N in name order). */
export async function listCorpus(corpusDir: string, limit = Infinity): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  const readabilityDir = join(corpusDir, 'readability');
  if (existsSync(readabilityDir)) {
    const slugs = (await readdir(readabilityDir)).sort();
    const found: CorpusPage[] = [];
    for (const slug of slugs) {
      const file = join(readabilityDir, slug, 'source.html');
      if (!existsSync(file)) continue;
      found.push({
        set: 'readability',
        id: slug,
        prefix: '/readability',
        path: `${slug}/source.html`,
        bytes: (await stat(file)).size,
      });
    }
    pages.push(...found.slice(0, limit));
  }
  const dragnetDir = join(corpusDir, 'dragnet');
  if (existsSync(dragnetDir)) {
    const files = (await readdir(dragnetDir))
      .filter((f) => f.endsWith('.html'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const found: CorpusPage[] = [];
    for (const file of files) {
      found.push({
        set: 'dragnet',
        id: file.replace(/\.html$/, ''),
        prefix: '/dragnet',
        path: file,
        bytes: (await stat(join(dragnetDir, file))).size,
      });
    }
    pages.push(...found.slice(0, limit));
  }
  return pages;
}
