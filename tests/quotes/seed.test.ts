// The seed article (../shared/seed/, read from the shared folder, not copied): every labelled
// quotation found with the right speaker and role, including its two broken quotation marks.
// Skips when the shared folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index';

const SEED = '/work/shared/seed/000_d3c917008832d051.txt';
const LABELS = '/work/shared/quotes-dev/seed.json';
const present = existsSync(SEED) && existsSync(LABELS);

interface SeedQuote {
  quote: string;
  speaker: string;
  speaker_kind: string;
  role: string | null;
  partial: boolean;
}

/** The article body as canonical text: its lines joined as paragraphs. */
function seedText(): string {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith('Abu Omar Khorasani was taken'));
  const to = lines.findIndex((l) => l.endsWith('Middle East Institute.'));
  return lines
    .slice(from, to + 1)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
}

describe.skipIf(!present)('seed article', () => {
  const labels = present
    ? (JSON.parse(readFileSync(LABELS, 'utf8')) as { quotes: SeedQuote[]; not_quote: string[] })
    : { quotes: [], not_quote: [] };
  const text = present ? seedText() : '';
  const result = extractQuotes(text);

  it('finds exactly the labelled quotations', () => {
    expect(result.quotes.map((q) => q.text)).toEqual(labels.quotes.map((g) => g.quote));
  });

  it('attributes each to the right speaker, kind, role and partial flag', () => {
    const strip = (s: string | null): string | null => s && s.replace(/^the /i, '').toLowerCase();
    expect(
      result.quotes.map((q) => [strip(q.speaker), q.speakerKind, strip(q.role), q.partial]),
    ).toEqual(
      labels.quotes.map((g) => [strip(g.speaker), g.speaker_kind, strip(g.role), g.partial]),
    );
  });

  it('repairs the missing closing and opening marks from paragraph parity', () => {
    const required = result.quotes.find((q) => q.text.startsWith('required the Taliban'));
    const warlords = result.quotes.find((q) => q.text.startsWith('Warlords will play'));
    expect(text.slice(required?.end)).toMatch(/^\n\n/);
    expect(text.slice(0, warlords?.start)).toMatch(/\n\n$/);
  });

  it('does not report the headline as a quotation', () => {
    for (const nq of labels.not_quote)
      expect(result.quotes.some((q) => q.text.includes(nq))).toBe(false);
  });

  it('lists speakers once each, in order of appearance', () => {
    expect(result.speakers.map((s) => s.name)).toEqual([
      'a retired counter-terrorism official',
      'Mike Pence; Nathan Sales',
      'The United Nations',
      'Aaron Y. Zelin',
      'Romain Malejacq',
      'Graeme Wood',
      'Michael McCaul',
      'Douglas London',
    ]);
    expect(result.speakers.find((s) => s.name === 'The United Nations')?.quoteCount).toBe(2);
  });
});
