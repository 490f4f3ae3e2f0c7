// Quote-mark segmentation: finds the spans between quotation marks, one paragraph at a time.
// Marks are paired per paragraph (a quotation never silently swallows the next paragraph), and
// broken parity is repaired the way a reader reads it: an opening mark that never closes runs to
// the paragraph end (and, when the next paragraph opens with a mark, the quotation continues
// there); a closing mark with no opening before it starts the quote at the paragraph start.

export interface Paragraph {
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** Offsets of the quoted words (marks excluded, white space trimmed). */
  start: number;
  end: number;
  /** Offsets including the marks that exist (for masking the quote out of the frame). */
  outerStart: number;
  outerEnd: number;
  paragraph: number;
  /** No closing mark: the quote ran to the paragraph end. */
  unclosed: boolean;
  /** No opening mark: the quote started at the paragraph start. */
  unopened: boolean;
  /** This segment continues the quotation of the previous paragraph (multi-paragraph quote). */
  continuation: boolean;
  /** Mark family: double ("“”, «», „“ …) or single (‘’). */
  family: 'double' | 'single';
}

/**
 * Paragraphs of canonical text: blocks separated by a blank line. A single line break also ends
 * a block (plain-text input often has one line per paragraph).
 */
export function splitParagraphs(text: string): Paragraph[] {
  // The breaks are what /[ \t]*\n\s*/g matches, found from each line feed rather than by the
  // expression, which (its optional lead has no first character to look for) tried a match at
  // every character of the article.
  const out: Paragraph[] = [];
  let start = 0;
  for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', start)) {
    let from = feed;
    while (from > start && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    let to = feed + 1;
    while (to < text.length && isSpace(text.charCodeAt(to))) to++;
    if (from > start) out.push({ start, end: from });
    start = to;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

const SPACE = /\s/;

/** What `\s` matches, without the expression for the usual ASCII characters. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && SPACE.test(String.fromCharCode(code));
}

/** Which closing marks end a quotation opened by each mark. */
const DOUBLE_CLOSERS: Record<string, string> = {
  '“': '”"',
  '„': '“”',
  '«': '»',
  '»': '«',
  '‹': '›',
  '「': '」',
  '『': '』',
  '"': '"”',
  '〝': '〞〟',
};
const SINGLE_CLOSERS: Record<string, string> = { '‘': "’'", '‚': '‘’', "'": "'’" };
/** Every character that can be a quotation mark. */
const MARK_CHARS = /["“”„«»‹›‘’'‚「」『』〝〞〟]/g;
/** Curly closing marks that can never open a quotation: an orphan one means a lost opener. */
const DOUBLE_ONLY_CLOSE = '”»」』';

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined): boolean =>
  c === undefined || /[\s([{\-–—/\u00a0:;]/.test(c);
const isSpaceOrEnd = (c: string | undefined): boolean =>
  c === undefined || /[\s)\]}.,;:!?\-–—\u00a0…]/.test(c);

/** A straight double mark that reads as an opener here (space before, word after). */
function straightOpens(text: string, i: number, pStart: number): boolean {
  const prev = i > pStart ? text[i - 1] : undefined;
  const next = text[i + 1];
  if (next === undefined || /\s/.test(next)) return false;
  return isSpaceOrStart(prev) || prev === '"' || prev === "'" || prev === '‘' || prev === '“';
}

/** A straight or curly mark that reads as a closer here (no space before, space/punct after). */
function readsAsCloser(text: string, i: number, pEnd: number): boolean {
  const prev = text[i - 1];
  const next = i + 1 < pEnd ? text[i + 1] : undefined;
  return (
    prev !== undefined && !/\s/.test(prev) && (isSpaceOrEnd(next) || /["'’”]/.test(next ?? ''))
  );
}

/** Elided forms that start with an apostrophe: ’90s, 'em, 'til, rock 'n' roll. */
function isLeadingApostrophe(text: string, i: number): boolean {
  const rest = text.slice(i + 1, i + 6).toLowerCase();
  return /^(\d\d(s|\b)|em\b|til\b|cause\b|n'|n’|n\b|tis\b|twas\b|bout\b)/.test(rest);
}

/**
 * Finds the closing single mark for an opener at `i`. A strong closer follows punctuation or is
 * followed by punctuation; a weak one ("students’ union") is taken only when nothing better closes.
 */
function findSingleCloser(text: string, i: number, pEnd: number, closers: string): number {
  let weak = -1;
  for (let j = i + 2; j < pEnd; j++) {
    const c = text[j] as string;
    if (c === '“' || c === '"') {
      // Nested double quotes inside a UK-style quotation: skip over them.
      const close = text.indexOf(c === '“' ? '”' : '"', j + 1);
      if (close > j && close < pEnd) j = close;
      continue;
    }
    if (!closers.includes(c)) continue;
    const prev = text[j - 1] as string;
    const next = j + 1 < pEnd ? text[j + 1] : undefined;
    if (/\s/.test(prev) || isWordChar(next)) continue; // apostrophe inside a word or an opener
    if (/[.,!?;:…—–-]/.test(prev) || next === undefined || /[.,;:!?)\]—–]/.test(next)) return j;
    if (weak < 0 && !(prev === 's' || prev === 'S' || prev === 'z')) return j;
    if (weak < 0) weak = j;
  }
  return weak;
}

/**
 * The text as the mark scanner sees it: doubled single marks ('' `` ‘‘ ’’), which some
 * newsrooms and converters use for double quotes, read as one double mark plus a filler of the
 * same kind, so offsets stay those of the original text.
 */
function markView(text: string): string {
  return text.replace(/``|‘‘/g, '““').replace(/’’/g, '””').replace(/''/g, '""');
}

/** Segments every quotation in `source`. Linear in the length of the text. */
export function findQuoteSpans(source: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const text = markView(source);
  const spans: QuoteSpan[] = [];
  let carryFamily: 'double' | 'single' | null = null; // previous paragraph ended inside a quote

  const push = (
    outerStart: number,
    innerStart: number,
    innerEnd: number,
    outerEnd: number,
    p: number,
    flags: Pick<QuoteSpan, 'unclosed' | 'unopened' | 'continuation' | 'family'>,
  ): void => {
    let s = innerStart;
    let e = innerEnd;
    // Skip white space and the second half of a doubled mark.
    while (
      s < e &&
      (/\s/.test(text[s] as string) || (text[s] === text[s - 1] && /["“]/.test(text[s] as string)))
    )
      s++;
    while (
      e > s &&
      (/\s/.test(text[e - 1] as string) ||
        (text[e - 1] === text[e] && /["”]/.test(text[e] as string)))
    )
      e--;
    if (e <= s) return;
    spans.push({ start: s, end: e, outerStart, outerEnd, paragraph: p, ...flags });
  };

  paragraphs.forEach((para, p) => {
    const { start: ps, end: pe } = para;
    const opensWithMark = /^["“„«»‹‘'‚「『]/.test(text[ps] ?? '');
    const continuing = carryFamily !== null && opensWithMark;
    carryFamily = null;
    let anyQuote = false;
    let i = ps;
    while (i < pe) {
      // Jump to the next character that can be a mark: the scan touches only those.
      MARK_CHARS.lastIndex = i;
      const next = MARK_CHARS.exec(text);
      if (next === null || next.index >= pe) break;
      i = next.index;
      const c = text[i] as string;
      const dbl = DOUBLE_CLOSERS[c];
      if (
        dbl !== undefined &&
        (c !== '"' || straightOpens(text, i, ps)) &&
        !(c === '»' && !text.slice(i + 1, pe).includes('«'))
      ) {
        // Opening double mark: the quote ends at its closer, or at the paragraph end.
        let j = i + 1;
        let close = -1;
        for (; j < pe; j++) {
          const d = text[j] as string;
          if (dbl.includes(d) && (d !== '"' || !straightOpens(text, j, ps) || j + 1 === pe)) {
            close = j;
            break;
          }
          // A typo'd closer: the opening mark again, right after a word and before a space.
          if (
            d === c &&
            c === '“' &&
            readsAsCloser(text, j, pe) &&
            /[\p{L}\p{N}.,!?]/u.test(text[j - 1] ?? '')
          ) {
            close = j;
            break;
          }
          // A fresh opener of the same kind after a space: the earlier quote lost its closer.
          if (d === c && c !== '"' && /\s/.test(text[j - 1] as string)) break;
        }
        const first = !anyQuote && i === ps;
        if (close >= 0) {
          push(i, i + 1, close, close + 1, p, {
            unclosed: false,
            unopened: false,
            continuation: first && continuing,
            family: 'double',
          });
          i = close + 1;
        } else {
          push(i, i + 1, j, j, p, {
            unclosed: true,
            unopened: false,
            continuation: first && continuing,
            family: 'double',
          });
          if (j >= pe) carryFamily = 'double';
          i = j;
        }
        anyQuote = true;
        continue;
      }
      if (
        (DOUBLE_ONLY_CLOSE.includes(c) ||
          (c === '"' && /[.,!?…]/.test(text[i - 1] ?? '') && readsAsCloser(text, i, pe))) &&
        !anyQuote &&
        // At least four words: a stray mark after a name or some markup is not a lost quotation.
        (text.slice(ps, i).match(/\s+/g)?.length ?? 0) >= 3
      ) {
        // Closing mark with no opener before it in this paragraph: the opener was lost.
        push(ps, ps, i, i + 1, p, {
          unclosed: false,
          unopened: true,
          continuation: false,
          family: 'double',
        });
        anyQuote = true;
        i++;
        continue;
      }
      const sgl = SINGLE_CLOSERS[c];
      if (
        sgl !== undefined &&
        !isWordChar(i > ps ? text[i - 1] : undefined) &&
        isWordChar(text[i + 1]) &&
        !isLeadingApostrophe(text, i)
      ) {
        const close = findSingleCloser(text, i, pe, sgl);
        if (close > i) {
          push(i, i + 1, close, close + 1, p, {
            unclosed: false,
            unopened: false,
            continuation: !anyQuote && i === ps && continuing,
            family: 'single',
          });
          anyQuote = true;
          i = close + 1;
          continue;
        }
        if (i === ps && c !== "'") {
          // A UK-style paragraph quote that continues in the next paragraph.
          push(i, i + 1, pe, pe, p, {
            unclosed: true,
            unopened: false,
            continuation: continuing,
            family: 'single',
          });
          carryFamily = 'single';
          anyQuote = true;
          i = pe;
          continue;
        }
      }
      i++;
    }
  });
  return spans;
}
