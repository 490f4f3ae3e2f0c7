// Tokens of one paragraph, with every quotation collapsed into a single QUOTE token, and the
// sentences they form. Attribution rules work on this view: a quote is one unit of the writer's
// sentence, whatever sentences it holds inside.

import { SPEECH_VERBS } from './lexicon';
import type { QuoteSpan } from './marks';

export type TokenKind = 'word' | 'punct' | 'quote';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-cased text with curly apostrophes straightened. */
  lower: string;
  start: number;
  end: number;
  /** Index into the quote list for QUOTE tokens, else -1. */
  quote: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Index of the sentence the token belongs to (within the paragraph). */
  sentence: number;
}

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sen rep gov gen lt col maj capt adm sgt st jr sr vs etc inc corp co ltd
no rev ft mt u.s u.k u.n e.g i.e a.m p.m jan feb mar apr aug sep sept oct nov dec d.c`.split(/\s+/),
);

/** A word (with inner hyphens, apostrophes, dots, ampersands) or any other single character. */
const TOKEN =
  /([\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’.&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\.?)|\.\.\.|\S/gu;
const UPPER = /^\p{Lu}/u;

/** UPPER.test(word), without the regular expression for the common ASCII case. */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(word);
}

/** Lower-cased with curly apostrophes straightened (most words have none: no second pass). */
function lowered(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Tokenises text[from, to) with the given quote spans (sorted, within the range) as units. */
export function tokenize(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
  quoteIndexBase: number,
): Token[] {
  const tokens: Token[] = [];
  let qi = 0;
  let i = from;
  while (i < to) {
    const q = quotes[qi];
    if (q && i >= q.outerStart) {
      tokens.push({
        kind: 'quote',
        text: text.slice(q.start, q.end),
        lower: '',
        start: q.outerStart,
        end: q.outerEnd,
        quote: quoteIndexBase + qi,
        cap: false,
        sentence: 0,
      });
      i = Math.max(i, q.outerEnd);
      qi++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    const limit = q ? Math.min(to, q.outerStart) : to;
    if (m === null || m.index >= limit) {
      i = limit;
      continue;
    }
    i = m.index;
    let w = m[0];
    if (i + w.length > limit) w = w.slice(0, limit - i);
    if (m[1] !== undefined) {
      // Keep a trailing period only on abbreviations and initials ("Mr.", "Y.", "U.S.").
      if (w.endsWith('.')) {
        const bare = w.slice(0, -1).toLowerCase();
        const keep =
          ABBREVIATIONS.has(bare) || (bare.length === 1 && startsUpper(w)) || bare.includes('.');
        if (!keep) w = w.slice(0, -1);
      }
      tokens.push({
        kind: 'word',
        text: w,
        lower: lowered(w),
        start: i,
        end: i + w.length,
        quote: -1,
        cap: startsUpper(w),
        sentence: 0,
      });
    } else {
      tokens.push({
        kind: 'punct',
        text: w,
        lower: w,
        start: i,
        end: i + w.length,
        quote: -1,
        cap: false,
        sentence: 0,
      });
    }
    i += w.length;
  }
  assignSentences(tokens);
  return tokens;
}

/** Marks sentence numbers: a sentence ends at . ! ? (outside quotes) or at a quote that ends one. */
function assignSentences(tokens: Token[]): void {
  let s = 0;
  let sentenceStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (k > 0 && (tokens[k - 1] as Token).sentence !== s) sentenceStart = k;
    t.sentence = s;
    const next = tokens[k + 1];
    if (t.kind === 'punct' && /^[.!?]$|^\.\.\.$/.test(t.text)) {
      // "(D-Mo.)", "Inc.,": a period before a closing bracket or a comma ends no sentence.
      const closes = next?.kind === 'punct' && /^[),;:\]]$/.test(next.text);
      if (!next || next.cap || next.kind === 'quote' || (next.kind === 'punct' && !closes)) s++;
    } else if (t.kind === 'word' && t.text.endsWith('.') && next?.cap && next.kind === 'word') {
      // "… in the U.S. He said": an abbreviation at a sentence end, when a pronoun follows.
      if (/^(he|she|they|it|we|i|but|the)$/i.test(next.text) && t.text.length > 3) s++;
    } else if (t.kind === 'quote' && /[.!?…]["'”’]?$/.test(t.text)) {
      // A quote that ends with a full stop ends the sentence unless the attribution follows.
      // An attribution can follow a quote that opens its sentence ("“No.” Clinton said"), not
      // a fragment inside the writer's sentence ("called it “X.” She added").
      const embedded = k > sentenceStart && !/^[:,]$/.test((tokens[k - 1] as Token).text);
      if (
        !next ||
        next.kind === 'quote' ||
        (next.cap && (embedded || !isLikelyAttributionStart(tokens, k + 1)))
      )
        s++;
    }
  }
}

/** After a quote ending in a full stop, "He said" / "Clinton added" still attaches to it. */
function isLikelyAttributionStart(tokens: Token[], k: number): boolean {
  // Cheap look-ahead: a short name or title run, then a lower-case reporting verb.
  for (let j = k; j < Math.min(tokens.length, k + 7); j++) {
    const t = tokens[j] as Token;
    // "“…?” Miller, a retired worker from a plant, said": a name, its appositive, then the verb.
    if (t.text === ',' && j > k && (tokens[j - 1] as Token).cap)
      return appositiveThenCue(tokens, j);
    if (t.kind !== 'word') return false;
    if (!t.cap && SPEECH_VERBS.has(t.lower)) return j > k;
    if (!t.cap && !/^(of|the|and|also|then|later)$/.test(t.lower)) return false;
  }
  return false;
}

/** After the comma at c: an appositive of at most 15 tokens, a comma, then a reporting verb. */
function appositiveThenCue(tokens: Token[], c: number): boolean {
  for (let j = c + 1; j < Math.min(tokens.length - 1, c + 16); j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'quote' || /^[.!?;:]$/.test(t.text)) return false;
    if (t.text !== ',') continue;
    const verb = tokens[j + 1] as Token;
    return verb.kind === 'word' && !verb.cap && SPEECH_VERBS.has(verb.lower);
  }
  return false;
}
