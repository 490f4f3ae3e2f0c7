// How a speaker looks: a colour slot per named speaker, one hatched style for unnamed sources, a
// short label for the inline chip, and the words the tooltip and screen readers use.
import type { Quote, Speaker, SpeakerKind } from '../../core';

/** Number of colour slots in QUOTE_LAYER_CSS (.dq-c0 … .dq-c7). */
export const PALETTE_SIZE = 8;

export interface SpeakerEntry {
  /** Key used in data-speaker: the speaker's name, or '' for quotes nobody was found for. */
  key: string;
  name: string;
  kind: SpeakerKind;
  role: string | null;
  /** Indexes into the quotes array, in text order. */
  quotes: number[];
  /** CSS class giving the mark its look: dq-c0…dq-c7, dq-unnamed or dq-unknown. */
  styleClass: string;
}

/**
 * One entry per speaker in order of first appearance, with the quotes they are credited with.
 * Speakers come from the analysis; a quote naming someone missing from that list still gets one.
 */
export function speakerEntries(quotes: Quote[], speakers: Speaker[]): SpeakerEntry[] {
  const entries = new Map<string, SpeakerEntry>();
  let colour = 0;
  const add = (key: string, kind: SpeakerKind, role: string | null): SpeakerEntry => {
    let entry = entries.get(key);
    if (!entry) {
      const styleClass =
        key === '' || kind === 'unknown'
          ? 'dq-unknown'
          : kind === 'unnamed'
            ? 'dq-unnamed'
            : `dq-c${colour++ % PALETTE_SIZE}`;
      entry = {
        key,
        name: key || 'Unattributed',
        kind: key ? kind : 'unknown',
        role,
        quotes: [],
        styleClass,
      };
      entries.set(key, entry);
    }
    return entry;
  };
  // Colours follow the order in which speakers first appear in the text.
  const firstQuote = new Map<string, number>();
  quotes.forEach((quote, index) => {
    const key = quote.speaker ?? '';
    if (!firstQuote.has(key)) firstQuote.set(key, index);
  });
  const known = new Map(speakers.map((speaker) => [speaker.name, speaker]));
  const order = [...firstQuote.keys()];
  for (const speaker of speakers) if (!firstQuote.has(speaker.name)) order.push(speaker.name);
  for (const key of order) {
    const speaker = known.get(key);
    const quote = quotes[firstQuote.get(key) ?? -1];
    add(
      key,
      speaker?.kind ?? quote?.speakerKind ?? 'unknown',
      speaker?.role ?? quote?.role ?? null,
    );
  }
  quotes.forEach((quote, index) => entries.get(quote.speaker ?? '')?.quotes.push(index));
  return [...entries.values()].filter((entry) => entry.quotes.length > 0);
}

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'el',
  'ibn',
]);
const SUFFIXES = /^(jr|sr|ii|iii|iv)\.?$/i;

/** The inline chip's text: a person's surname, an organisation or description in full (capped). */
export function shortLabel(entry: Pick<SpeakerEntry, 'name' | 'kind'>, max = 34): string {
  const name = entry.name.trim();
  if (entry.kind === 'named' && !/[;&]| and /.test(name)) {
    const words = name.split(/\s+/);
    const personLike =
      words.length >= 2 &&
      words.length <= 5 &&
      !/^the$/i.test(words[0] ?? '') &&
      words.every(
        (w) => /^[\p{Lu}]/u.test(w) || PARTICLES.has(w.toLowerCase()) || SUFFIXES.test(w),
      );
    if (personLike) {
      let i = words.length - 1;
      while (i > 0 && SUFFIXES.test(words[i] ?? '')) i--;
      let start = i;
      while (start > 1 && PARTICLES.has((words[start - 1] ?? '').toLowerCase())) start--;
      return words.slice(start, i + 1).join(' ');
    }
  } else if (entry.kind === 'named') {
    // "Mike Pence; Nathan Sales" → "Pence, Sales"
    const parts = name.split(/\s*(?:;|&|\band\b)\s*/).filter(Boolean);
    return truncate(
      parts.map((part) => shortLabel({ name: part, kind: 'named' }, max)).join(', '),
      max,
    );
  }
  return truncate(name, max);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function confidenceWord(confidence: number): string {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

export function kindWord(kind: SpeakerKind): string {
  return kind === 'named' ? 'named source' : kind === 'unnamed' ? 'unnamed source' : 'unattributed';
}

/** One sentence for screen readers (aria-describedby of the quote's first mark). */
export function describeQuote(quote: Quote, entry: SpeakerEntry): string {
  const who =
    entry.key === ''
      ? 'Quote with no attributed speaker'
      : `Quote by ${entry.name}${entry.kind === 'unnamed' ? ' (unnamed source)' : ''}`;
  const parts = [who];
  const role = quote.role ?? entry.role;
  if (role) parts.push(role);
  if (quote.cue) parts.push(`cue: ${quote.cue}`);
  if (quote.partial) parts.push('partial quote');
  parts.push(`confidence ${confidenceWord(quote.confidence)}`);
  return `${parts.join('; ')}.`;
}
