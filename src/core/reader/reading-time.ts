// Reading time from the article text. Latin-script readers manage about 230 words a minute; in
// Chinese, Japanese and Korean text words are not separated by spaces, so count characters
// (about 400 a minute) instead.

const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 400;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/**
 * A word: a run of anything but white space and punctuation, where punctuation is ASCII's,
 * Latin-1's (¡ « » ¿), the general block's (dashes, curly quotes, …) and CJK's. A Unicode
 * property escape (\p{P}) says it more fully, but that pattern took 1.1 ms on a 30 KB article
 * against 0.1 ms for this one (Chromium), for the same count on prose.
 */
export const WORD = /[^\s!-/:-@[-`{-~\u00a1-\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f]+/g;

export function readingMinutes(text: string): number {
  const cjkCount = text.match(CJK)?.length ?? 0;
  const rest = cjkCount > 0 ? text.replace(CJK, ' ') : text;
  const words = rest.match(WORD)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjkCount / CJK_CHARACTERS_PER_MINUTE;
  return text.trim() ? Math.max(1, Math.round(minutes)) : 0;
}
