// Reading time from the article text. Latin-script readers manage about 230 words a minute; in
// Chinese, Japanese and Korean text words are not separated by spaces, so count characters
// (about 400 a minute) instead.

const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 400;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

export function readingMinutes(text: string): number {
  const cjkCount = text.match(CJK)?.length ?? 0;
  const rest = cjkCount > 0 ? text.replace(CJK, ' ') : text;
  const words = rest.match(/[^\s\p{P}]+/gu)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjkCount / CJK_CHARACTERS_PER_MINUTE;
  return text.trim() ? Math.max(1, Math.round(minutes)) : 0;
}
