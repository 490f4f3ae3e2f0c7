// Quote or not? Quotation marks also wrap titles ("Meet the Press"), scare quotes, nicknames and
// terms ("so-called “deal”"). These signals reject them; a reporting cue next to the span or
// sentence punctuation inside it keeps it.

import { TERM_INTRODUCERS } from './lexicon';
import type { Token } from './tokens';

const SMALL_WORDS = new Set(
  'a an the of in on at to for and or but with by from as is it vs'.split(' '),
);

/** True when every significant word is capitalised: the shape of a title or a name. */
export function isTitleCase(text: string): boolean {
  const words = text
    .replace(/[,.!?:;]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  let caps = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w) || /^\d/.test(w)) caps++;
    else if (!SMALL_WORDS.has(w.toLowerCase())) return false;
  }
  return caps > 0 && /^\p{Lu}|^\d/u.test(words[0] as string);
}

export interface Verdict {
  quote: boolean;
  /** 0..1: how sure the span is speech. */
  score: number;
}

/**
 * Classifies the quote token at index q. `attributed` says whether a cue and speaker were found
 * in its sentence; `wholeParagraph` whether the quote fills its paragraph.
 */
export function classifyQuote(
  tokens: readonly Token[],
  q: number,
  attributed: boolean,
  adjacentCue: boolean,
  single = false,
): Verdict {
  const t = tokens[q] as Token;
  const text = t.text;
  const words = text.split(/\s+/).filter(Boolean);
  const n = words.length;
  const prev = tokens[q - 1];
  const prev2 = tokens[q - 2];
  const endsSentence = /[.!?…]$/.test(text);
  const endsClause = /[,;:—–-]$/.test(text);

  // Terms and names: "so-called “X”", "dubbed “X”", "the word “X”", "a show called “X”".
  const introducer =
    prev?.kind === 'word'
      ? prev.lower
      : prev?.text === ',' && prev2?.kind === 'word'
        ? prev2.lower
        : '';
  if (TERM_INTRODUCERS.has(introducer) && n <= 6 && !endsSentence)
    return { quote: false, score: 0.1 };
  if (
    (introducer === 'called' || introducer === 'known' || introducer === 'as') &&
    n <= 3 &&
    !endsSentence &&
    !adjacentCue
  )
    return { quote: false, score: 0.2 };

  // Titles: short, title-case, no cue touching them. After "on" or a possessive ("on “Meet
  // the Press.”", "CNN’s “New Day”") a title keeps the sentence's full stop inside the marks.
  if (isTitleCase(text) && n <= 8 && !adjacentCue) {
    const afterPossessive = prev?.kind === 'word' && /['’]s$/.test(prev.text);
    const afterOn =
      prev?.kind === 'word' && /^(on|in|of|from|titled|called|show|series)$/.test(prev.lower);
    if (afterPossessive || afterOn) return { quote: false, score: 0.15 };
    if (!endsSentence && (!attributed || n <= 4)) return { quote: false, score: 0.15 };
  }

  // Single marks are apostrophes far more often than quotations: demand a cue or a sentence.
  if (single && !attributed && n <= 3 && !endsSentence) return { quote: false, score: 0.3 };

  let score = 0.6;
  if (attributed) score += 0.2;
  if (adjacentCue) score += 0.1;
  if (endsSentence || endsClause) score += 0.05;
  if (n >= 6) score += 0.05;
  return { quote: true, score: Math.min(1, score) };
}

/** Whether the token right before or after the quote is part of its attribution frame. */
export function hasAdjacentCue(
  tokens: readonly Token[],
  q: number,
  isCue: (k: number) => boolean,
): boolean {
  for (const k of [q - 1, q - 2, q + 1, q + 2, q + 3]) {
    const t = tokens[k];
    if (!t || t.kind === 'quote') continue;
    if (t.text === ':' && k === q - 1) return true;
    if (t.kind === 'word' && isCue(k)) return true;
  }
  return false;
}
