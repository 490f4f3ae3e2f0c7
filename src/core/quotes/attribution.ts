// Finds, for one quote token, the reporting cue and the words that name its speaker, inside the
// writer's sentence around it: `”, X said`, `,” said X`, `X said, “`, `X said that … “`,
// `according to X`, `X: “`, `” — X`. Subjects are read by a small noun-phrase chunker over the
// token classes in lexicon.ts (names, determiners, role nouns, appositives); no parser.

import {
  DETERMINERS,
  PHRASE_CUES,
  SOURCE_NOUNS,
  SPEAKING_NOUNS,
  SPEECH_VERBS,
  STOP_WORDS,
  SUBJECT_PRONOUNS,
  TITLE_WORDS,
  VERB_PREFIXES,
  WEAK_SPEECH_VERBS,
} from './lexicon';
import type { Token } from './tokens';

/** A token range [from, to) inside a paragraph's token list. */
export interface Range {
  from: number;
  to: number;
}

export interface Attribution {
  /** Speaker mention tokens; several for "A as well as B" (one per person). */
  subjects: Range[];
  /** The whole mention as written (covers all subjects). */
  mention: Range;
  /** Appositive roles per subject (token ranges), when the sentence gives them. */
  roles: (Range | null)[];
  cue: string;
  /** How the attribution was found; drives confidence. */
  how: 'after' | 'before' | 'colon' | 'dash' | 'subject';
}

const MAX_NP = 20;

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';

/** Length in tokens of the reporting cue starting at k (0 when none). */
export function cueLength(tokens: readonly Token[], k: number, strictWeak: boolean): number {
  const t = tokens[k];
  if (!isWord(t)) return 0;
  for (const phrase of PHRASE_CUES) {
    if (phrase.every((w, n) => tokens[k + n]?.lower === w)) return phrase.length;
  }
  if (!SPEECH_VERBS.has(t.lower)) return 0;
  if (t.cap && k > 0 && tokens[k - 1]?.kind === 'word') return 0; // "… Post Writes" in a name
  if (strictWeak && WEAK_SPEECH_VERBS.has(t.lower)) return 0;
  if (readsAsNoun(tokens, k)) return 0;
  return 1;
}

const NOUN_MARKERS = new Set(
  'the a an his her their its our my your this these those every each any no some another'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  'of for from with in on at by about to into over under after before against without'.split(' '),
);
const PRESENT_SUBJECTS = new Set(
  'i we they you he she it who that which to will would could should can may might must did do does not never also often still now two three both all many others several some most few'.split(
    ' ',
  ),
);

/** Present-tense reporting verbs with no noun reading ("notes", "claims", "calls" have one). */
const NEVER_NOUNS = new Set(
  `says tells writes adds insists argues explains continues concludes alleges contends asserts
warns declares acknowledges recalls admits explains adds reads`.split(/\s+/),
);

/** "his remarks", "a rare note", "of quotes": the verb form used as a noun. */
function readsAsNoun(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const prev = tokens[k - 1];
  if (!isWord(prev)) return false;
  const lw = t.lower;
  const finite = /(ed|ing)$/.test(lw) || /^(said|told|wrote|began|swore|sang|read)$/.test(lw);
  // "Some chanted", "Another said": a quantifier standing alone before a past form is its subject.
  if (/^(some|another|each|both|several|many|most|few|all)$/.test(prev.lower) && finite)
    return lw.endsWith('ing');
  if (NOUN_MARKERS.has(prev.lower)) return !lw.endsWith('ing') || prev.lower === 'the';
  if (/['’]s$/.test(prev.text) && !/^(said|told|wrote|says)$/.test(lw)) return true;
  if (PREPOSITIONS.has(prev.lower)) return !lw.endsWith('ing') && prev.lower !== 'to';
  if (finite) return false;
  // "the suit says", "the memo adds": forms that are never nouns follow any subject.
  if (NEVER_NOUNS.has(lw)) return false;
  // Present-tense forms ("says", "notes", "say") need a subject-like word before them.
  let j = k - 1;
  while (j > 0 && VERB_PREFIXES.has((tokens[j] as Token).lower)) j--;
  const before = tokens[j] as Token;
  if (before.kind !== 'word') return false;
  return !(before.cap || PRESENT_SUBJECTS.has(before.lower) || isSpeakerHead(before));
}

/** A word that can head the name of a speaker: a name, a pronoun, a person or body noun. */
export function isSpeakerHead(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (t.cap || /^\d/.test(t.text)) return !STOP_WORDS.has(t.lower);
  const lw = t.lower.replace(/['’]s$/, '');
  if (SUBJECT_PRONOUNS.has(lw)) return lw !== 'it' && lw !== 'that';
  if (SOURCE_NOUNS.has(lw) || SPEAKING_NOUNS.has(lw)) return true;
  // Agent nouns: plural -ers/-ors (singular -er is too often an adjective: "former", "somber").
  if (/(er|or)$/.test(lw)) return lw.length >= 7;
  return /(ers|ors|ists?|ians?|eers?|man|woman|men|women)$/.test(lw) && lw.length > 4;
}

function plausible(tokens: readonly Token[], np: Range | null): boolean {
  return np !== null && isSpeakerHead(tokens[np.to - 1] as Token);
}

function isNameWord(t: Token): boolean {
  return t.cap || /^\p{Lu}/u.test(t.text) || /^\d/.test(t.text);
}

/** Scans a noun phrase that ends right before `end` (exclusive), not below `floor`. */
function npBackward(tokens: readonly Token[], end: number, floor: number): Range | null {
  let j = end - 1;
  let from = end;
  let sawName = false;
  // "Sen. Chuck Schumer (D-N.Y.) said": step over a parenthesis right before the verb.
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k > floor && tokens[k]?.text !== '(' && j - k < 12) k--;
    if (tokens[k]?.text === '(') {
      const inner = npBackward(tokens, k, floor);
      if (inner) return inner;
    }
  }
  for (; j >= floor && end - j <= MAX_NP; j--) {
    const t = tokens[j] as Token;
    if (t.kind !== 'word') break;
    const lw = t.lower;
    if (SUBJECT_PRONOUNS.has(lw)) {
      if (from !== end) break;
      // "Smith, who said": the relative pronoun stands for the name before the comma.
      if (lw === 'who' && tokens[j - 1]?.text === ',') {
        // The mention is the antecedent with its relative pronoun ("Sanders, who"); build()
        // names the speaker by the antecedent alone.
        const antecedent = npBackward(tokens, j - 1, floor);
        if (antecedent && plausible(tokens, antecedent))
          return { from: antecedent.from, to: j + 1 };
      }
      from = j;
      break;
    }
    if (DETERMINERS.has(lw) && lw !== 'that') {
      if (from < end) from = j;
      break;
    }
    if (lw === 'and' || lw === '&') {
      if (from === end) break; // "… denounced the plan and said": a second verb, not a subject
      const left = tokens[j - 1];
      const right = tokens[j + 1];
      if (!isWord(left) || !right || isNameWord(left) !== isNameWord(right)) break;
      if (STOP_WORDS.has(left.lower) && !left.cap) break;
      continue;
    }
    if (lw === 'as' && tokens[j - 1]?.lower === 'well' && tokens[j - 2]?.lower === 'as') {
      const left = tokens[j - 3];
      if (!isWord(left) || !left.cap) break;
      j -= 2;
      continue;
    }
    if (lw === 'of') {
      const left = tokens[j - 1];
      if (!isWord(left) || STOP_WORDS.has(left.lower)) break;
      continue;
    }
    if (STOP_WORDS.has(lw.replace(/['’]s$/, '')) && !(t.cap && sawName && j > floor)) break;
    if (SPEECH_VERBS.has(lw) && !t.cap && !readsAsNoun(tokens, j)) break;
    // "…, ripped FBI Director James Comey": a verb taking an object after a comma ends the scan.
    if (!t.cap && j < end - 1 && tokens[j - 1]?.text === ',' && takesObject(tokens, j)) break;
    if (t.cap) sawName = true;
    from = j;
  }
  if (from >= end) return null;
  // Drop dangling connectors at the left edge ("of", "and").
  while (from < end && /^(of|and|&|as|well)$/.test((tokens[from] as Token).lower)) from++;
  return from < end ? { from, to: end } : null;
}

/** Scans a noun phrase that starts at `start`, not reaching `ceil`. */
function npForward(tokens: readonly Token[], start: number, ceil: number): Range | null {
  let j = start;
  let to = start;
  const first = tokens[start];
  if (isWord(first) && SUBJECT_PRONOUNS.has(first.lower) && first.lower !== 'it')
    return { from: start, to: start + 1 };
  for (; j < ceil && j - start < MAX_NP; j++) {
    const t = tokens[j] as Token;
    if (t.kind !== 'word') break;
    const lw = t.lower;
    if (DETERMINERS.has(lw) && lw !== 'that') {
      if (j !== to && tokens[j - 1]?.lower !== 'of') break;
      to = j + 1;
      continue;
    }
    if (lw === 'and' || lw === 'of' || lw === '&') {
      const right = tokens[j + 1];
      if (!isWord(right) || (STOP_WORDS.has(right.lower) && !right.cap)) break;
      continue;
    }
    // "the recently released report": an adverb before a participle inside the phrase.
    const modifier =
      isAdverb(lw) &&
      DETERMINERS.has(tokens[j - 1]?.lower ?? '') &&
      /ed$/.test(tokens[j + 1]?.lower ?? '');
    // A capitalised stop word is a name when a name follows ("Will Doyle", "May Lee").
    if (STOP_WORDS.has(lw) && !modifier && !(t.cap && (j > start || tokens[j + 1]?.cap))) break;
    if (SPEECH_VERBS.has(lw) && !t.cap && !readsAsNoun(tokens, j)) break;
    if (to > start && looksLikeVerb(tokens, j)) break;
    to = j + 1;
  }
  // Determiners and connectors left dangling at the end are not part of the subject.
  while (
    to > start &&
    /^(of|and|&)$|^$/.test(
      DETERMINERS.has((tokens[to - 1] as Token).lower) ? '' : (tokens[to - 1] as Token).lower,
    )
  )
    to--;
  return to > start ? { from: start, to } : null;
}

/** Nouns spelt like -ly adverbs. */
const LY_NOUNS = new Set(
  'rally rallies ally family assembly supply july italy fly anomaly monopoly bully belly'.split(
    ' ',
  ),
);

/** An -ly adverb ("quickly", "finally"), not a noun that happens to end in -ly ("rally"). */
function isAdverb(lw: string): boolean {
  return /ly$/.test(lw) && !LY_NOUNS.has(lw);
}

const NUMBER_WORDS =
  /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozens?|several|few|many)$/;

const COMMON_VERBS = new Set(
  `is was are were has had have will would can could did does do made took gave got went came met
sent sought seemed appeared tried wanted began kept left put ran saw set led won lost held
became brought built felt found knew let meant paid stood thought took understood
drew spoke struck broke chose drove fell forgot grew hid hung
rode rose shook showed sank sat slept spent stole stuck swore swept taught threw wore withdrew
bought caught fought fled flew forbade knelt lent sold sent shone undertook upheld woke`.split(
    /\s+/,
  ),
);

/** Past forms that are also nouns ("the cast", "a hit"): verbs only right after a name or pronoun. */
const AMBIGUOUS_PAST = new Set('cast cut hit hurt quit spread shut bet bid'.split(' '));

/** A lower-case word that ends a subject scanned forward: a verb or an adverb. */
function looksLikeVerb(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.cap) return false;
  const lw = t.lower;
  if (COMMON_VERBS.has(lw)) return true;
  // "as", "this", "thus": function words that merely end in -s.
  if (STOP_WORDS.has(lw)) return false;
  if (AMBIGUOUS_PAST.has(lw)) {
    const prev = tokens[j - 1] as Token | undefined;
    const before = tokens[j - 2];
    return (
      prev !== undefined &&
      prev.kind === 'word' &&
      (SUBJECT_PRONOUNS.has(prev.lower) ||
        (prev.cap && !(isWord(before) && DETERMINERS.has(before.lower))))
    );
  }
  // "the recently released report": an adverb and participle modifying a noun after a determiner.
  const prev1 = tokens[j - 1] as Token;
  if (/ed$/.test(lw) && isAdverb(prev1.lower) && DETERMINERS.has(tokens[j - 2]?.lower ?? ''))
    return false;
  if ((isAdverb(lw) || /ed$/.test(lw)) && !DETERMINERS.has((tokens[j - 1] as Token).lower))
    return true;
  // "Sanders supporters" is a noun phrase; "Clinton wants" is a verb: -s after a name.
  const prev = tokens[j - 1] as Token;
  if (DETERMINERS.has(prev.lower)) return false; // "a retired official": an adjective
  if (STOP_WORDS.has(prev.lower) || prev.lower === 'of' || prev.lower === 'and') return false;
  if (NUMBER_WORDS.test(prev.lower)) return false; // "Fifteen minutes", "two weeks"
  return (
    !/s$/.test(prev.lower) && /[^su]s$/.test(lw) && !SOURCE_NOUNS.has(lw) && !SPEAKING_NOUNS.has(lw)
  );
}

/** Two to five capitalised words (initials allowed): a person's name. */
function isNameRun(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2 || to - from > 5) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word' || !t.cap || TITLE_WORDS.has(t.lower)) return false;
  }
  return true;
}

/** "X, a scholar at Y, said": the name before an appositive that ends right before `end`. */
function appositiveBackward(
  tokens: readonly Token[],
  end: number,
  floor: number,
): { subject: Range; role: Range } | null {
  const sep = tokens[end - 1]?.text ?? '';
  if (!/^[,—–]$/.test(sep)) return null;
  for (let c = end - 2; c > floor && end - c < 30; c--) {
    const t = tokens[c] as Token;
    if (t.kind === 'quote' || /^[.;:!?]$/.test(t.text)) return null;
    if (t.text !== sep) continue;
    const roleFirst = tokens[c + 1];
    if (!isWord(roleFirst)) continue;
    // "her senior policy adviser, Jake Sullivan, said": the description comes first, the name
    // sits between the commas.
    if (isNameRun(tokens, c + 1, end - 1)) {
      const role = npBackward(tokens, c, floor);
      if (role && !(tokens[role.to - 1] as Token).cap && plausible(tokens, role))
        return { subject: { from: c + 1, to: end - 1 }, role };
    }
    const descriptive =
      DETERMINERS.has(roleFirst.lower) || !roleFirst.cap || /^\d+$/.test(roleFirst.text);
    if (!descriptive && !isRoleLike(tokens, c + 1, end - 1)) continue;
    // A list inside the appositive ("… of population, refugees, and migration"): look further back.
    const subject = npBackward(tokens, c, floor);
    if (!subject) continue;
    const head = tokens[subject.to - 1] as Token;
    if (!head.cap && !SUBJECT_PRONOUNS.has(head.lower)) continue;
    // "In December, the prince called …, calling": a prepositional phrase is no subject, and a
    // clause with its own reporting verb is no appositive.
    const lead = tokens[subject.from - 1];
    if (isWord(lead) && PREPOSITIONS.has(lead.lower)) continue;
    if (hasOwnCue(tokens, c + 1, end - 1)) continue;
    return { subject, role: { from: c + 1, to: end - 1 } };
  }
  return null;
}

/** Whether [from, to) holds a reporting verb of its own (not inside a relative clause). */
function hasOwnCue(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'word' && /^(who|which|that|whom|whose)$/.test(t.lower)) return false;
    if (t.kind === 'word' && !t.cap && cueLength(tokens, k, false) > 0) return true;
  }
  return false;
}

/** A capitalised appositive that is a job title: "Director of X", "President-elect". */
function isRoleLike(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!isWord(first)) return false;
  // "Director of …", "Clinton's spokesman", "Senate Majority Leader": a title, a possessive, or
  // capitalised words then "of"; never a name followed by its verb.
  if (TITLE_WORDS.has(first.lower) || /['’]s$/.test(first.text)) return true;
  for (let k = from; k < Math.min(to, from + 4); k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') return false;
    if (t.lower === 'of') return k > from;
    if (!t.cap)
      return SOURCE_NOUNS.has(t.lower) || SPEAKING_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower);
  }
  return false;
}

/** "said Romain Malejacq, author of a book": the role after a name, to the next comma or end. */
function appositiveForward(tokens: readonly Token[], after: number, ceil: number): Range | null {
  if (tokens[after]?.text !== ',') return null;
  const first = tokens[after + 1];
  if (!isWord(first)) return null;
  const lw = first.lower;
  if (SUBJECT_PRONOUNS.has(lw) || (STOP_WORDS.has(lw) && !DETERMINERS.has(lw))) return null;
  if (SPEECH_VERBS.has(lw)) return null;
  // A role starts with a determiner, a lower-case noun, a title or a possessive ("Clinton's
  // spokesman"); a capitalised name followed by its verb is a new clause ("COLUMBIA — Sanders …").
  if (
    first.cap &&
    !TITLE_WORDS.has(lw) &&
    !/['’]s$/.test(first.text) &&
    !isRoleLike(tokens, after + 1, Math.min(ceil, after + 4))
  )
    return null;
  let k = after + 1;
  while (k < ceil) {
    const t = tokens[k] as Token;
    if (t.kind === 'quote' || /^[,;:.!?()—–]$/.test(t.text)) break;
    if (t.kind === 'word' && (t.lower === 'who' || t.lower === 'which' || t.lower === 'said'))
      break;
    k++;
  }
  if (k - after - 1 > 16) return null; // a clause, not a role
  return k > after + 1 ? { from: after + 1, to: k } : null;
}

/** Splits "A as well as B" / "A and B" subjects into one range per named person. */
function splitCoordinated(tokens: readonly Token[], np: Range): Range[] {
  const parts: Range[] = [];
  let from = np.from;
  for (let k = np.from; k < np.to; k++) {
    const t = tokens[k] as Token;
    let width = 0;
    if (t.lower === 'and' || t.lower === '&') width = 1;
    else if (t.lower === 'as' && tokens[k + 1]?.lower === 'well' && tokens[k + 2]?.lower === 'as')
      width = 3;
    if (!width) continue;
    const left = tokens[k - 1];
    const right = tokens[k + width];
    // Only split where both sides end/start in a way that names a person ("Pence as well as …").
    if (left?.cap && right && k > from && hasName(tokens, k + width, np.to)) {
      parts.push({ from, to: k });
      from = k + width;
      k += width - 1;
    }
  }
  parts.push({ from, to: np.to });
  return parts.length > 1 && parts.every((p) => hasName(tokens, p.from, p.to)) ? parts : [np];
}

function hasName(tokens: readonly Token[], from: number, to: number): boolean {
  let caps = 0;
  for (let k = from; k < to; k++) if ((tokens[k] as Token).cap) caps++;
  return caps >= 1;
}

/** Words that end a time adverbial ("at the time", "last week", "late Thursday night"). */
const TIME_HEADS = new Set(
  `time moment day days week weeks month months year years night morning afternoon evening weekend
ago monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);
/** Words that open one. */
const TIME_STARTERS = new Set('at on in during last this late early earlier'.split(' '));
/** Words allowed inside one. */
const TIME_INNER = new Set('the that a few two three several same next'.split(' '));

/**
 * The start of a time adverbial between a subject and its verb that ends right before `j`
 * ("Trump at the time said", "Clinton on Monday ripped into"); `j` itself when there is none.
 */
function timeAdverbialStart(tokens: readonly Token[], j: number, floor: number): number {
  const head = tokens[j - 1];
  if (!isWord(head) || !TIME_HEADS.has(head.lower)) return j;
  let start = j;
  for (let k = j - 2; k > floor && k >= j - 5; k--) {
    const t = tokens[k];
    if (!isWord(t)) break;
    if (TIME_STARTERS.has(t.lower) && !t.cap) start = k;
    else if (!TIME_INNER.has(t.lower) && !TIME_HEADS.has(t.lower)) break;
  }
  if (start === j) return j;
  // Something must stand before it that can end a subject.
  const before = tokens[start - 1];
  if (!isWord(before) || STOP_WORDS.has(before.lower) || VERB_PREFIXES.has(before.lower)) return j;
  return start;
}

/** Skips adverbs and auxiliaries between a subject and its verb ("he also said"). */
function skipPrefixesBackward(tokens: readonly Token[], k: number, floor: number): number {
  let j = k;
  const skip = (): void => {
    while (
      j > floor &&
      isWord(tokens[j - 1]) &&
      (VERB_PREFIXES.has((tokens[j - 1] as Token).lower) ||
        (!(tokens[j - 1] as Token).cap && isAdverb((tokens[j - 1] as Token).lower)))
    )
      j--;
  };
  skip();
  j = timeAdverbialStart(tokens, j, floor);
  skip();
  // "went on to say", "is quoted as saying", "continued to argue": step over the catenative verb.
  const to = tokens[j - 1];
  if (isWord(to) && (to.lower === 'to' || to.lower === 'as') && j - 2 > floor) {
    let m = j - 2;
    if (tokens[m]?.lower === 'on') m--;
    const verb = tokens[m];
    if (isWord(verb) && !verb.cap && !STOP_WORDS.has(verb.lower)) {
      j = m;
      skip();
    }
  }
  return j;
}

const BE_FORMS = new Set('is was were are be been being get got gets getting'.split(' '));

/** "was asked", "is described as", "being told to": the cue at v is a passive participle. */
function isPassive(tokens: readonly Token[], v: number, floor: number): boolean {
  const t = tokens[v] as Token;
  if (!/ed$/.test(t.lower) && !/^(said|told|written|read|shown|seen)$/.test(t.lower)) return false;
  let j = v - 1;
  while (j > floor && isWord(tokens[j]) && /ly$/.test((tokens[j] as Token).lower)) j--;
  const aux = tokens[j];
  return j >= floor && isWord(aux) && BE_FORMS.has(aux.lower);
}

/** Verbs so common in attribution that any noun phrase right before them is the speaker. */
const STRONG_CUES = new Set(
  `said says say told tells wrote writes write added adds add stated declared reported announced
explained noted note asked argued argue warned warn insisted insist claimed claim replied responded
concluded continued`.split(/\s+/),
);

/** A head word that can end a subject at all (not a function word, adverb or number). */
function loosePlausible(tokens: readonly Token[], np: Range | null): boolean {
  if (np === null) return false;
  const head = tokens[np.to - 1] as Token;
  if (head.kind !== 'word' || STOP_WORDS.has(head.lower) || isAdverb(head.lower)) return false;
  return !/^\d+$/.test(head.text) && head.lower !== 'it' && head.lower !== 'that';
}

/**
 * "a White House official who spoke anonymously to discuss strategy said": the noun phrase
 * before a restrictive relative clause (no commas) that runs up to the verb at `end`.
 */
function relativeClauseSubject(tokens: readonly Token[], end: number, floor: number): Range | null {
  const direct = tokens[end - 1];
  if (!isWord(direct) || direct.cap || SUBJECT_PRONOUNS.has(direct.lower)) return null;
  for (let k = end - 2; k > floor && end - k <= 14; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') return null;
    if (t.lower !== 'who') {
      // "critics who say he should condemn": the verb has a subject of its own.
      if (SUBJECT_PRONOUNS.has(t.lower)) return null;
      continue;
    }
    const next = tokens[k + 1];
    if (!isWord(next) || next.cap || STOP_WORDS.has(next.lower)) return null;
    const np = npBackward(tokens, k, floor);
    return np && np.to === k && plausible(tokens, np) ? np : null;
  }
  return null;
}

const QUANTIFIER_SUBJECTS = /^(some|several|many|others|most|another|both|few|two|three|four)$/;

/** "Some chanted …", "Several said …", "Yet another said": a quantifier standing as the subject. */
function quantifierSubject(tokens: readonly Token[], end: number, floor: number): Range | null {
  const t = tokens[end - 1];
  if (end - 1 < floor || !isWord(t) || !QUANTIFIER_SUBJECTS.test(t.lower)) return null;
  // "the two write": a number standing for people already named.
  if (tokens[end - 2]?.lower === 'the' && /^(two|three|four)$/.test(t.lower))
    return { from: end - 2, to: end };
  if (/^(two|three|four)$/.test(t.lower)) return null;
  const before = tokens[end - 2];
  const opens =
    end - 1 === floor ||
    !isWord(before) ||
    (CLAUSE_OPENERS.has(before.lower) && !/^(which|that|who|whom)$/.test(before.lower)) ||
    SENTENCE_OPENERS.has(before.lower) ||
    before.lower === 'yet';
  return opens ? { from: end - 1, to: end } : null;
}

/** Why a cue has no subject of its own: it shares the clause's ("…, saying", "and said"). */
const SHARED_SUBJECT = Symbol('shared');

/** The subject of the cue at `v` (length `len`): before it, else inverted after it. */
function subjectOfCue(
  tokens: readonly Token[],
  v: number,
  len: number,
  floor: number,
  ceil: number,
  cue: string,
): Pick<Attribution, 'subjects' | 'mention' | 'roles'> | null | typeof SHARED_SUBJECT {
  const isAccording =
    cue === 'according to' || cue.startsWith('in the words') || cue === 'as quoted by';
  if (!isAccording && isPassive(tokens, v, floor)) {
    // "Rubio was asked by moderator Gerard Baker": the agent speaks; "Blumenthal was asked",
    // "Priebus was said to be “furious”": the grammatical subject does not.
    if (tokens[v + len]?.lower !== 'by') return null;
    const agent = npForward(tokens, v + len + 1, ceil);
    return agent && plausible(tokens, agent)
      ? build(tokens, agent, appositiveForward(tokens, agent.to, ceil))
      : null;
  }
  if (!isAccording) {
    const end = skipPrefixesBackward(tokens, v, floor);
    const app = appositiveBackward(tokens, end, floor);
    if (app && plausible(tokens, app.subject)) return build(tokens, app.subject, app.role);
    const rel = relativeClauseSubject(tokens, end, floor);
    if (rel) return build(tokens, rel, null);
    const np = npBackward(tokens, end, floor);
    const participle = /ing$/.test(cue.split(' ')[0] ?? '') && !cue.startsWith('according');
    const quantifier = np ? null : quantifierSubject(tokens, end, floor);
    if (quantifier) return build(tokens, quantifier, null);
    if (np && np.to - np.from === 1 && (tokens[np.from] as Token).lower === 'it')
      return build(tokens, np, null); // "it reads", "it says": a document speaks
    // "issued a statement saying": the participle's noun is the object; the clause's subject speaks.
    // ("with many marchers chanting": after "with" the noun phrase is the participle's subject.)
    const withClause = np !== null && tokens[np.from - 1]?.lower === 'with';
    if (withClause && np && participle && loosePlausible(tokens, np))
      return build(tokens, np, null);
    if (np && participle && !(tokens[np.to - 1] as Token).cap && end > floor && np.from > floor)
      if (!SUBJECT_PRONOUNS.has((tokens[np.from] as Token).lower)) return SHARED_SUBJECT;
    // "posted a message on Twitter reading", "wrote to Wired explaining": a name governed by a
    // preposition is no subject of the participle.
    const gov = np ? tokens[np.from - 1] : undefined;
    // ("with Trump tweeting" is the participle's own subject).
    if (np && participle && isWord(gov) && PREPOSITIONS.has(gov.lower) && gov.lower !== 'with')
      return SHARED_SUBJECT;
    // "Another source speaking to Fox News said", "a letter obtained by the AP warns": the
    // noun phrase before a participle phrase is the subject, not the participle's object.
    const prepBefore = np ? tokens[np.from - 1] : undefined;
    const partBefore = np ? tokens[np.from - 2] : undefined;
    if (
      np &&
      isWord(prepBefore) &&
      /^(to|with|by|for|from)$/.test(prepBefore.lower) &&
      isWord(partBefore) &&
      !partBefore.cap &&
      /(ing|ed)$/.test(partBefore.lower) &&
      !SPEECH_VERBS.has(partBefore.lower) &&
      np.from - 2 > floor
    ) {
      const head = npBackward(tokens, np.from - 2, floor);
      if (head && plausible(tokens, head)) return build(tokens, head, null);
    }
    if (np && !plausible(tokens, np)) {
      // "a Democratic staffer in the room wondered": the speaker before a prepositional phrase.
      const prep = tokens[np.from - 1];
      if (isWord(prep) && /^(in|at|from|with|on|inside|outside)$/.test(prep.lower)) {
        const head = npBackward(tokens, np.from - 1, floor);
        if (head && plausible(tokens, head) && !(tokens[head.to - 1] as Token).cap)
          return build(tokens, head, null);
      }
    }
    if (np)
      return plausible(tokens, np) || (STRONG_CUES.has(cue) && loosePlausible(tokens, np))
        ? build(tokens, np, null)
        : null;
    let onlyPunct = true;
    for (let k = floor; k < end; k++) if ((tokens[k] as Token).kind !== 'punct') onlyPunct = false;
    // Verbs whose following noun phrase is the addressee, not the speaker.
    const addressee = /^(told|tell|tells|telling|asked|ask|asks|asking|urged|warned|assured)$/.test(
      cue,
    );
    if (!onlyPunct && (participle || addressee)) return SHARED_SUBJECT;
    if (!onlyPunct) {
      // "… for Clinton, said Kunin": inverted subject after the verb, else the clause's subject.
      // Only when nothing verb-like follows the name: "said Clinton was …" is reported speech.
      const inv = npForward(tokens, v + len, ceil);
      const follow = inv ? tokens[inv.to] : undefined;
      const inverted =
        follow === undefined ||
        follow.kind !== 'word' ||
        (STOP_WORDS.has(follow.lower) &&
          !VERB_PREFIXES.has(follow.lower) &&
          !/^(is|are|was|were|will|would|could|should|can|may|might|must|has|had|have|did|does|do|not)$/.test(
            follow.lower,
          ));
      if (inv && inverted && plausible(tokens, inv) && (tokens[inv.from] as Token).cap)
        return build(tokens, inv, appositiveForward(tokens, inv.to, ceil));
      return SHARED_SUBJECT;
    }
  }
  // "“…,” told the crowd": the noun phrase after "told" is its addressee, never its speaker.
  if (/^(told|tell|tells|telling|urged|assured)$/.test(cue)) return null;
  // "“…,” promising the club will return": a participle takes no inverted subject; it shares
  // the clause's.
  if (!isAccording && /ing$/.test(cue.split(' ')[0] ?? '')) return SHARED_SUBJECT;
  const after = v + len;
  let np = npForward(tokens, after, ceil);
  if (np && isAccording) np = withAgent(tokens, np, ceil);
  const loose = isAccording || STRONG_CUES.has(cue);
  if (np && (plausible(tokens, np) || (loose && loosePlausible(tokens, np)))) {
    const role = appositiveForward(tokens, np.to, ceil);
    return build(tokens, np, role);
  }
  return null;
}

/**
 * "according to a court filing by state attorney Dave Aronberg", "according to audio provided by
 * Wyoming Public Radio": the source's author (after "by") belongs to the mention.
 */
function withAgent(tokens: readonly Token[], np: Range, ceil: number): Range {
  let k = np.to;
  const part = tokens[k];
  if (isWord(part) && !part.cap && /ed$/.test(part.lower) && tokens[k + 1]?.lower === 'by') k++;
  if (tokens[k]?.lower !== 'by') return np;
  const agent = npForward(tokens, k + 1, ceil);
  return agent && loosePlausible(tokens, agent) ? { from: np.from, to: agent.to } : np;
}

function build(
  tokens: readonly Token[],
  np: Range,
  role: Range | null,
): Pick<Attribution, 'subjects' | 'mention' | 'roles'> {
  const relative =
    np.to - np.from > 2 && tokens[np.to - 1]?.lower === 'who' && tokens[np.to - 2]?.text === ',';
  const subjects = splitCoordinated(tokens, relative ? { from: np.from, to: np.to - 2 } : np);
  return {
    subjects,
    mention: { from: np.from, to: np.to },
    roles: subjects.map((_, n) => (n === subjects.length - 1 ? role : null)),
  };
}

/** How far around a quote its sentence is read: keeps run-on "sentences" linear. */
const SENTENCE_WINDOW = 80;

function sentenceBounds(tokens: readonly Token[], q: number): Range {
  const s = (tokens[q] as Token).sentence;
  let from = q;
  while (from > 0 && q - from < SENTENCE_WINDOW && (tokens[from - 1] as Token).sentence === s)
    from--;
  let to = q + 1;
  while (to < tokens.length && to - q < SENTENCE_WINDOW && (tokens[to] as Token).sentence === s)
    to++;
  return { from, to };
}

/** Attribution for the quote token at index q, from its own sentence only; null when none. */
export function attributeInSentence(tokens: readonly Token[], q: number): Attribution | null {
  const found = speakerInSentence(tokens, q);
  if (!found) return null;
  const { from, to } = sentenceBounds(tokens, q);
  return (
    pollSource(tokens, from, found) ??
    reportedBy(tokens, from, to, found) ??
    namedAntecedent(tokens, from, found) ??
    found
  );
}

const MONTHS =
  /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Words that open a subordinate clause whose pronoun subject refers back to the main subject. */
const SUBORDINATORS =
  /^(what|whom|who|when|that|as|because|which|where|while|after|before|since|if|though|although|how|until)$/;

/**
 * "Cruz has railed against what he calls the “Washington cartel”", "Rubio said that over the last
 * days he has begun “…”": a pronoun in a subordinate clause stands for the sentence's subject, and
 * the sentence names the speaker there.
 */
function namedAntecedent(
  tokens: readonly Token[],
  from: number,
  a: Attribution,
): Attribution | null {
  const p = a.mention.from;
  if (a.mention.to - p !== 1 || !/^(he|she)$/.test((tokens[p] as Token).lower)) return null;
  if (a.how !== 'before' && a.how !== 'subject') return null;
  let opener = false;
  for (let k = p - 1; k >= Math.max(from, p - 8); k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'word' && SUBORDINATORS.test(t.lower)) opener = true;
    if (opener || t.kind !== 'word') break;
  }
  if (!opener) return null;
  const subj = subjectAt(tokens, from, p);
  if (!subj || subj.to >= p) return null;
  const head = tokens[subj.to - 1] as Token;
  if (!head.cap || TITLE_WORDS.has(head.lower) || SUBJECT_PRONOUNS.has(head.lower)) return null;
  // Another capitalised name between them could be the pronoun's antecedent.
  for (let k = subj.to; k < p; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'quote') return null;
    // (Plurals, days and months are no antecedent of "he"/"she": "Americans", "Friday".)
    const person = !STOP_WORDS.has(t.lower) && !/[^'’s]s$/.test(t.text) && !MONTHS.test(t.lower);
    if (t.cap && t.kind === 'word' && k > subj.to && person && !/^(I|I'm)$/.test(t.text))
      return null;
  }
  return { ...build(tokens, subj, null), cue: a.cue, how: a.how };
}

const POLL_NOUNS = /^(poll|polls|survey|surveys|study)$/;
const SHARE_WORDS = /^(\d[\d.,]*%?|%|percent|per|cent|majority|half|third|quarter|most|plurality)$/;

/**
 * "In a CNN/ORC poll released Monday, 31% of Republicans said …": the respondents' share is not
 * the source; the poll that opens the sentence is.
 */
function pollSource(tokens: readonly Token[], from: number, a: Attribution): Attribution | null {
  if (tokens[from]?.lower !== 'in') return null;
  let comma = -1;
  let poll = false;
  for (let k = from + 1; k < a.mention.from && k - from <= 12; k++) {
    const t = tokens[k] as Token;
    if (t.text === ',') {
      comma = k;
      break;
    }
    if (t.kind !== 'word' && !/^[/&-]$/.test(t.text)) return null;
    if (POLL_NOUNS.test(t.lower)) poll = true;
  }
  if (!poll || comma < 0) return null;
  if (a.mention.from <= comma) return null;
  let share = false;
  // The share may lead the mention or stand just before it ("31% of Republicans").
  for (let k = Math.max(comma + 1, a.mention.from - 3); k < a.mention.from + 4; k++)
    if (SHARE_WORDS.test((tokens[k] as Token).lower)) share = true;
  if (!share) return null;
  return { ...build(tokens, { from: from + 1, to: comma }, null), cue: a.cue, how: a.how };
}

const REPORT_VERBS = /^(reports|reported|reporting)$/;

/**
 * `“…,” Walker said, according to an Associated Press account.` / `According to pool reports,
 * Obama said “…”` / `said Kristen Day, …, reports USA Today`: the speech reaches the reader
 * through a second-hand source, and that source is the attribution the sentence makes.
 */
function reportedBy(
  tokens: readonly Token[],
  from: number,
  to: number,
  a: Attribution,
): Attribution | null {
  for (let k = a.mention.to; k < to - 1; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'quote') break;
    // "said in a statement according to The Blaze" needs no comma before "according to".
    const according = t.lower === 'according' && tokens[k + 1]?.lower === 'to';
    if (tokens[k - 1]?.text !== ',' && !according) continue;
    let np: Range | null = null;
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      np = npForward(tokens, k + 2, to);
      if (np) np = withAgent(tokens, np, to);
    } else if (REPORT_VERBS.test(t.lower)) {
      np = npForward(tokens, k + 1, to);
      if (np && !(tokens[np.from] as Token).cap) np = null;
    }
    if (np && (loosePlausible(tokens, np) || (tokens[np.to - 1] as Token).cap)) {
      const cue = t.lower === 'according' ? 'according to' : t.text;
      return { ...build(tokens, np, null), cue, how: a.how };
    }
  }
  if (tokens[from]?.lower === 'according' && tokens[from + 1]?.lower === 'to') {
    const np = npForward(tokens, from + 2, a.mention.from);
    if (np && tokens[np.to]?.text === ',' && np.to < a.mention.from && loosePlausible(tokens, np))
      return { ...build(tokens, np, null), cue: 'according to', how: a.how };
  }
  return null;
}

/**
 * "Although Weiner admitted that they had “been friends,” he claimed …": a quote inside an opening
 * subordinate clause that has a reporting cue of its own belongs to that clause, not to the main
 * clause that follows it.
 */
function inOpeningClause(tokens: readonly Token[], from: number, q: number): boolean {
  let k = from;
  while (isWord(tokens[k]) && /^(but|and|yet|so|even)$/.test((tokens[k] as Token).lower)) k++;
  const sub = tokens[k];
  if (
    !isWord(sub) ||
    !/^(although|though|while|as|when|after|because|since|whereas)$/.test(sub.lower)
  )
    return false;
  for (let v = k + 1; v < q; v++) {
    const t = tokens[v] as Token;
    if (t.kind === 'quote' || t.text === ',') return false;
    if (cueLength(tokens, v, false) > 0) return true;
  }
  return false;
}

function speakerInSentence(tokens: readonly Token[], q: number): Attribution | null {
  const { from, to } = sentenceBounds(tokens, q);
  const named = passiveNaming(tokens, q);
  if (named && named !== 'nobody') return named;
  const quoteText = (tokens[q] as Token).text;
  const endsWithComma = /[,—–-]$/.test(quoteText) || tokens[q + 1]?.text === ',';

  // After the quote: `”, X said` / `,” said X` / `” — X` / `, according to X`.
  let after: Attribution | null = null;
  for (let k = q + 1; k < to && k - q <= 20; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'quote') break;
    // "“…”, but he also warned": a new clause, not this quote's attribution.
    if (t.kind === 'word' && /^(but|while|although|because|when|if|so)$/.test(t.lower)) break;
    if (t.kind === 'word' && /^(and|as)$/.test(t.lower)) {
      const nx = tokens[k + 1];
      if (tokens[k - 1]?.text === ',' || (isWord(nx) && SUBJECT_PRONOUNS.has(nx.lower))) break;
    }
    const len = cueLength(tokens, k, k - q > 2);
    if (!len) continue;
    const cue = tokens
      .slice(k, k + len)
      .map((x) => x.text)
      .join(' ');
    const sub = subjectOfCue(tokens, k, len, q + 1, to, cue.toLowerCase());
    if (sub && sub !== SHARED_SUBJECT) after = { ...sub, cue, how: 'after' };
    break;
  }
  if (!after && /^[—–―-]$/.test(tokens[q + 1]?.text ?? '')) {
    const np = npForward(tokens, q + 2, to);
    if (np && (tokens[np.from] as Token).cap)
      after = { ...build(tokens, np, appositiveForward(tokens, np.to, to)), cue: '—', how: 'dash' };
  }
  const atSentenceStart = q === from;
  if (!after && atSentenceStart && (/[,?!]$/.test(quoteText) || tokens[q + 1]?.text === ','))
    after = frameSpeaker(tokens, q, to);
  if (after && (atSentenceStart || (endsWithComma && !inOpeningClause(tokens, from, q))))
    return after;
  // "… should be freed and compensated, the rights group says.": a closing attribution clause
  // speaks for every quote in the sentence.
  const trailing = trailingAttribution(tokens, q, to) ?? closingClause(tokens, q, to);
  if (trailing) return trailing;

  // Before the quote: the nearest cue in the sentence (`X said, “`, `X said that … “`, `X: “`).
  const prev = tokens[q - 1];
  if (prev?.text === ':' && q - 1 > from) {
    // "X said:", "She says to Nevadans:", "He continued with an appeal to voters:": the nearest
    // cue of the clause before the colon, else a bare name ("Sen. Warren: “…”").
    for (let v = q - 2; v >= from; v--) {
      const len = cueLength(tokens, v, false);
      if (!len) continue;
      let sub = subjectOfCue(tokens, v, len, from, q - 1, (tokens[v] as Token).lower);
      if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, from, v);
      if (sub)
        return (
          outerSpeaker(tokens, from, sub.mention.from) ?? {
            ...sub,
            cue: (tokens[v] as Token).text,
            how: 'colon',
          }
        );
      break;
    }
    const sub = colonSpeaker(tokens, q - 1, from);
    if (sub) return { ...sub, cue: ':', how: 'colon' };
    // "Hoff’s letter makes a libertarian-style case: “…”": the clause's subject introduces it.
    const subj = subjectAt(tokens, from, q - 1) ?? nearestClauseSubject(tokens, from, q - 1, true);
    if (subj) return { ...build(tokens, subj, null), cue: ':', how: 'colon' };
  }
  for (let k = q - 1; k >= from; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') continue;
    let len = cueLength(tokens, k, q - k > 3);
    if (!len && k > from && t.lower === 'to' && tokens[k - 1]?.lower === 'according') continue; // handled at "according"
    if (!len) continue;
    // The cue must reach up to here; a phrase cue found at its first word.
    if (k + len > q) len = q - k;
    const cue = tokens
      .slice(k, k + len)
      .map((x) => x.text)
      .join(' ');
    let sub = subjectOfCue(tokens, k, len, from, q, cue.toLowerCase());
    if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, from, k);
    if (sub) return outerSpeaker(tokens, from, sub.mention.from) ?? { ...sub, cue, how: 'before' };
    // "…, the attendees chanted, “…”": a cue right before the quote makes any noun phrase
    // before it the speaker.
    const plain = !WEAK_SPEECH_VERBS.has(t.lower) && !/ing$/.test(t.lower) && len === 1;
    if (sub === null && plain && q - k - len <= 1 && !isPassive(tokens, k, from)) {
      const np = npBackward(tokens, skipPrefixesBackward(tokens, k, from), from);
      if (np && loosePlausible(tokens, np) && !(tokens[np.to - 1] as Token).cap)
        return { ...build(tokens, np, null), cue, how: 'before' };
    }
  }
  if (after) return after;
  // "Trump issued a statement, “Last night, …”": a full quoted sentence after a comma is
  // introduced by the clause before it, whatever its verb.
  if (prev?.text === ',' && q - 1 > from && /^\p{Lu}/u.test(quoteText)) {
    const subj = nearestClauseSubject(tokens, from, q - 1, false);
    if (subj) return { ...build(tokens, subj, null), cue: ',', how: 'colon' };
  }
  return possessiveSpeech(tokens, from, q);
}

/** Nouns for something said, whose possessor is its speaker. */
const SPEECH_NOUNS = new Set(
  `claim claims pledge pledges promise promises remark remarks comment comments statement
statements assertion assertions words vow vows phrase catchphrase slogan warning warnings
suggestion argument response reply description prediction accusation insistence boast
admission charge mantra refrain line quip joke insult tweet tweets message`.split(/\s+/),
);

/**
 * `Obama's “if you like your plan” promise`, `Trump's controversial pledge to be “neutral”`,
 * `her remark that “…”`: a quote that is the content of someone's claim or remark belongs to
 * the possessor.
 */
function possessiveSpeech(tokens: readonly Token[], from: number, q: number): Attribution | null {
  const lo = Math.max(from, q - 12);
  const hi = Math.min(tokens.length, q + 3);
  for (let k = q - 1; k >= lo; k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'punct' && /^[.;:!?]$/.test(t.text)) break;
    if (t.kind !== 'word' || !SPEECH_NOUNS.has(t.lower)) continue;
    const found = possessorBefore(tokens, k, lo);
    if (found) return found;
  }
  // The quote inside the possessive phrase: `Obama's “…” promise`.
  const noun = tokens[q + 1];
  if (isWord(noun) && SPEECH_NOUNS.has(noun.lower) && q + 1 < hi)
    return possessorBefore(tokens, q, lo);
  return null;
}

/** The possessor ("Trump's", "her") before the noun at k, over at most three modifiers. */
function possessorBefore(tokens: readonly Token[], k: number, lo: number): Attribution | null {
  for (let j = k - 1; j >= Math.max(lo, k - 4); j--) {
    const t = tokens[j] as Token;
    if (t.kind !== 'word' && t.kind !== 'quote') return null;
    if (t.kind === 'quote') continue;
    // "over her remark that “…”", "his promise to be “neutral”": the possessive pronoun names
    // the speaker of the claim (resolved to its antecedent later).
    // When the clause has a subject of its own ("Trump defended his comments as “…”"), that
    // subject is the one the sentence names.
    if (/^(his|her|their|its)$/.test(t.lower)) {
      const owner = /['’]s$/.test(tokens[j + 1]?.text ?? '');
      if (t.lower === 'its' || owner || nearestClauseSubject(tokens, lo, j) || j > lo + 6)
        return null;
      return { ...build(tokens, { from: j, to: j + 1 }, null), cue: '', how: 'subject' };
    }
    if (/['’]s?$/.test(t.text) && t.cap) {
      // The possessor is the run of capitalised words ending here ("Donald Trump's"), unless a
      // clause before it has a subject of its own ("he played down Trump's comments as “…”").
      let start = j;
      while (
        start > lo &&
        (tokens[start - 1] as Token).kind === 'word' &&
        (tokens[start - 1] as Token).cap
      )
        start--;
      if (nearestClauseSubject(tokens, lo, start)) return null;
      return { ...build(tokens, { from: start, to: j + 1 }, null), cue: '', how: 'subject' };
    }
    if (DETERMINERS.has(t.lower) || STOP_WORDS.has(t.lower)) return null;
  }
  return null;
}

const AUX_AFTER_SUBJECT = /^(can|could|would|will|was|is|had|has|then|also|later)$/;

/** End of a clause: nothing, or sentence punctuation. */
const endsClause = (t: Token | undefined): boolean =>
  t === undefined || (t.kind === 'punct' && /^[.!?;]$/.test(t.text));

/**
 * `“…,” Hannity started.` / `“…,” beamed Donald Hartley.`: a quote that opens its sentence and
 * ends in a comma, question or exclamation mark is framed by its attribution whatever the verb
 * (one not in the lexicon): the noun phrase right after it, followed by a verb, an appositive or
 * the end of the sentence, is the speaker.
 */
function frameSpeaker(tokens: readonly Token[], q: number, to: number): Attribution | null {
  let k = q + 1;
  if (tokens[k]?.text === ',') k++;
  const first = tokens[k];
  if (!isWord(first)) return null;
  if (
    !first.cap &&
    /(ed|s)$/.test(first.lower) &&
    !STOP_WORDS.has(first.lower) &&
    !DETERMINERS.has(first.lower) &&
    !SUBJECT_PRONOUNS.has(first.lower)
  ) {
    // Inverted: an unlisted verb, then a name that closes the clause.
    const np = npForward(tokens, k + 1, to);
    if (!np || !(tokens[np.from] as Token).cap || !plausible(tokens, np)) return null;
    const next = tokens[np.to];
    if (!endsClause(next) && next?.text !== ',') return null;
    return {
      ...build(tokens, np, appositiveForward(tokens, np.to, to)),
      cue: first.text,
      how: 'after',
    };
  }
  const np = npForward(tokens, k, to);
  if (!np || !plausible(tokens, np)) return null;
  const next = tokens[np.to];
  const verb =
    isWord(next) &&
    !next.cap &&
    (!STOP_WORDS.has(next.lower) || AUX_AFTER_SUBJECT.test(next.lower)) &&
    !DETERMINERS.has(next.lower);
  const appositive = next?.text === ',' && (tokens[np.to - 1] as Token).cap;
  if (!verb && !appositive && !endsClause(next)) return null;
  return {
    ...build(tokens, np, appositive ? appositiveForward(tokens, np.to, to) : null),
    cue: verb ? (next as Token).text : '',
    how: 'after',
  };
}

/**
 * Nested speech: `X said (that) Y called it “…”`, `X told reporters that he would offer “…”`.
 * The quote is reported by the outer speaker, so when a strong cue governs the clause whose
 * subject starts at `inner`, that cue's subject is the speaker.
 */
function outerSpeaker(tokens: readonly Token[], from: number, inner: number): Attribution | null {
  let k = inner - 1;
  if (tokens[k]?.lower === 'that') k--;
  for (let v = k; v >= Math.max(from, k - 3); v--) {
    const t = tokens[v];
    if (!isWord(t)) return null;
    if (!STRONG_CUES.has(t.lower)) continue;
    // Only "told" takes an addressee between itself and the reported clause.
    if (v !== k && !/^(told|tells|tell)$/.test(t.lower)) return null;
    const len = cueLength(tokens, v, false);
    if (!len) return null;
    let sub = subjectOfCue(tokens, v, len, from, inner, t.lower);
    if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, from, v);
    return sub ? { ...sub, cue: t.text, how: 'before' } : null;
  }
  return null;
}

/** ", X says." / ", says X." at the end of the sentence, after the quote at q. */
function trailingAttribution(tokens: readonly Token[], q: number, to: number): Attribution | null {
  let end = to;
  if (/^[.!?]$/.test(tokens[end - 1]?.text ?? '')) end--;
  // Two rounds: ", said Jane Doe, a demographer at Emory University." ends in the speaker's
  // appositive, so the attribution clause is the one before the last comma.
  for (let e = end, round = 0; round < 2; round++) {
    let c = e - 1;
    while (c > q && tokens[c]?.text !== ',') {
      if ((tokens[c] as Token).kind === 'quote' || e - c > 12) return null;
      c--;
    }
    if (c <= q + 1) return null;
    for (let v = c + 1; v < e; v++) {
      const len = cueLength(tokens, v, false);
      if (!len || !STRONG_CUES.has((tokens[v] as Token).lower)) continue;
      const sub = subjectOfCue(tokens, v, len, c + 1, end, (tokens[v] as Token).lower);
      if (!sub || sub === SHARED_SUBJECT) return null;
      // The clause must be the attribution itself (", X says." / ", says X."), not a clause that
      // merely contains a cue (", in a finish that he said defied expectations.").
      if (sub.mention.from !== c + 1 && v !== c + 1) return null;
      return { ...sub, cue: (tokens[v] as Token).text, how: 'after' };
    }
    const first = tokens[c + 1];
    if (!isWord(first) || !/^(a|an)$/.test(first.lower)) return null;
    e = c;
  }
  return null;
}

/** Words that open a short adverbial after a closing attribution ("said on Monday"). */
const TAIL_OPENERS = new Set(
  `on in at to during after before of from with for in via through while last this earlier later
yesterday today tonight monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/**
 * "… “stunt children’s growth,” Howard Dean, the former governor of Vermont, proclaimed to a
 * crowd." / "…, the lawsuit alleges.": a clause "X verb" after a comma that closes the sentence,
 * with at most a short adverbial after its verb, attributes the quotes before it.
 */
function closingClause(tokens: readonly Token[], q: number, to: number): Attribution | null {
  let end = to;
  if (/^[.!?]$/.test(tokens[end - 1]?.text ?? '')) end--;
  for (let v = end - 1; v > q + 1 && end - v <= 10; v--) {
    const t = tokens[v] as Token;
    if (t.kind === 'quote' || t.text === ',') return null;
    if (!isWord(t) || t.cap) continue;
    // A weak verb ("commented", "described") counts when it ends the sentence.
    const len = cueLength(tokens, v, false);
    if (!len || v + len > end || (v + len < end && cueLength(tokens, v, true) === 0)) continue;
    // "…, according to a source at the station.": the source closes the sentence.
    if (t.lower === 'according' && len === 2 && tokens[v - 1]?.text === ',') {
      let np = npForward(tokens, v + 2, end);
      if (np) np = withAgent(tokens, np, end);
      if (!np || !loosePlausible(tokens, np)) return null;
      return {
        ...build(tokens, np, appositiveForward(tokens, np.to, end)),
        cue: 'according to',
        how: 'after',
      };
    }
    const tail = tokens[v + len];
    if (v + len < end && !(isWord(tail) && TAIL_OPENERS.has(tail.lower))) return null;
    let sub = subjectOfCue(tokens, v, len, q + 1, end, t.lower);
    if (sub === null) {
      // In this frame any noun phrase before the verb speaks ("one reader commented").
      const np = npBackward(tokens, skipPrefixesBackward(tokens, v, q + 1), q + 1);
      if (np && loosePlausible(tokens, np)) sub = build(tokens, np, null);
    }
    if (!sub || sub === SHARED_SUBJECT) return null;
    // The clause starts right after a comma, or right after the quote when it ends in one.
    const lead = tokens[sub.mention.from - 1];
    const afterComma = lead?.text === ',' && sub.mention.from > q + 1;
    if (!afterComma && !(sub.mention.from === q + 1 && /,$/.test((tokens[q] as Token).text)))
      return null;
    return {
      ...sub,
      cue: tokens
        .slice(v, v + len)
        .map((x) => x.text)
        .join(' '),
      how: 'after',
    };
  }
  return null;
}

/** The subject shared by a participle or a coordinated verb: an earlier cue's, or the sentence's. */
function clauseSubject(
  tokens: readonly Token[],
  from: number,
  v: number,
): Pick<Attribution, 'subjects' | 'mention' | 'roles'> | null {
  for (let k = v - 1; k >= from; k--) {
    const len = cueLength(tokens, k, false);
    if (!len) continue;
    const sub = subjectOfCue(tokens, k, len, from, v, (tokens[k] as Token).lower);
    if (sub && sub !== SHARED_SUBJECT) return sub;
  }
  // "Hours later, Trump returned the compliment, telling Reuters": the participle shares the
  // subject of the clause it hangs on, not the sentence's first noun phrase.
  const subj = nearestClauseSubject(tokens, from, v) ?? subjectAt(tokens, from, v);
  return subj ? build(tokens, subj, null) : null;
}

/** Words that open a sentence without being its subject ("But", "However,"). */
const SENTENCE_OPENERS = new Set(
  `but and or so yet still however meanwhile moreover instead indeed finally later earlier
separately similarly thus therefore also then now again besides nonetheless nevertheless
otherwise today yesterday`.split(/\s+/),
);

/** The first noun phrase of a sentence, after a leading adverbial or quote ("On Tuesday, …"). */
function subjectAt(tokens: readonly Token[], from: number, limit: number): Range | null {
  let start = from;
  while (start < limit && (tokens[start] as Token).kind !== 'word') start++;
  let first = tokens[start];
  while (isWord(first) && SENTENCE_OPENERS.has(first.lower)) {
    start++;
    if (tokens[start]?.text === ',') start++;
    first = tokens[start];
  }
  // The subject is the noun phrase that a verb follows: try the sentence start, then the start of
  // each comma- or dash-separated chunk ("At a town hall in Salem, New Hampshire, Trump went …").
  let fallback: Range | null = null;
  for (let k = start; k < limit; k++) {
    const atChunk = k === start || /^[,—–)]$/.test((tokens[k - 1] as Token).text);
    if (!atChunk || !isWord(tokens[k])) continue;
    const t = tokens[k] as Token;
    if (STOP_WORDS.has(t.lower) && !SUBJECT_PRONOUNS.has(t.lower)) continue;
    // "Typically, …", "Domestically, …": a sentence adverb, not a name with an appositive.
    if (/ly$/.test(t.lower) && tokens[k + 1]?.text === ',') continue;
    // "Citing …", "Given his …", "…, includes a": a participle or verb opens no subject.
    if (takesObject(tokens, k) || adverbialParticiple(tokens, k)) continue;
    const app = appositiveForwardSubject(tokens, k, limit);
    if (app) return app;
    if (/^(who|which|whom|whose|that|where|when)$/.test(t.lower)) continue; // a relative clause
    const np = npForward(tokens, k, limit);
    if (np && np.to - np.from === 1 && /^(he|she|they|we|i)$/.test(t.lower)) return np;
    if (!np || !loosePlausible(tokens, np)) continue;
    const next = tokens[np.to];
    if (isWord(next) && !next.cap && (!STOP_WORDS.has(next.lower) || VERB_PREFIXES.has(next.lower)))
      return np;
    if (next?.text === '(') return np;
    if (plausible(tokens, np)) fallback ??= np;
  }
  return fallback;
}

/** Words after a verb that show it takes an object or complement ("casts Trump", "includes a"). */
function objectFollows(next: Token | undefined): boolean {
  if (!isWord(next)) return false;
  return (
    next.cap ||
    (DETERMINERS.has(next.lower) &&
      !/^(one|two|three|four|several|many|some|all|both|each|no)$/.test(next.lower)) ||
    PREPOSITIONS.has(next.lower) ||
    /^(that|together|up|out|down|off|back)$/.test(next.lower)
  );
}

/** A lower-case verb form (-ed, -ing, -s or a common past) that takes an object: not a subject. */
function takesObject(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!isWord(t) || t.cap || DETERMINERS.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower))
    return false;
  if (STOP_WORDS.has(t.lower) || isSpeakerHead(t)) return false;
  if (!COMMON_VERBS.has(t.lower) && !/(ed|ing|[^su]s)$/.test(t.lower)) return false;
  return objectFollows(tokens[k + 1]);
}

/** Capitalised participles that open an adverbial clause ("Citing last week's …", "Given his"). */
function adverbialParticiple(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!isWord(t) || !t.cap) return false;
  if (!/^(given|led|asked|based|told|faced|pressed|compared|unlike)$|ing$/.test(t.lower))
    return false;
  const next = tokens[k + 1];
  // "Ending “welfare as we know it.”": a gerund whose object is the quote.
  if (next?.kind === 'quote' && /ing$/.test(t.lower)) return true;
  return objectFollows(next) && !(next as Token).cap;
}

/** "Coan, Santilli's attorney, argues": the name before a sentence-initial appositive. */
function appositiveForwardSubject(
  tokens: readonly Token[],
  start: number,
  limit: number,
): Range | null {
  const np = npForward(tokens, start, limit);
  if (!np || tokens[np.to]?.text !== ',' || !(tokens[np.to - 1] as Token).cap) return null;
  return plausible(tokens, np) ? np : null;
}

/** `Sen. Warren: “…”`: a short name right before a colon. */
function colonSpeaker(
  tokens: readonly Token[],
  colon: number,
  floor: number,
): Pick<Attribution, 'subjects' | 'mention' | 'roles'> | null {
  const np = npBackward(tokens, colon, floor);
  if (!np || np.to - np.from > 6) return null;
  // "delivered a blunt message to Trump:": a name governed by a word of the clause is its
  // object or addressee, not a speaker label.
  const lead = tokens[np.from - 1];
  // ("More from Jones:", "by Smith:" still label the speaker).
  if (
    np.from > floor &&
    isWord(lead) &&
    PREPOSITIONS.has(lead.lower) &&
    !/^(from|by)$/.test(lead.lower)
  )
    return null;
  const head = tokens[np.to - 1] as Token;
  if (!head.cap && !SUBJECT_PRONOUNS.has(head.lower)) return null;
  return build(tokens, np, null);
}

/**
 * The speaker a paragraph hands on to the next one: the subject of a cue in its last sentence
 * when that sentence ends in a colon ("Cruz continued:").
 */
export function introducerAtEnd(tokens: readonly Token[]): Attribution | null {
  const last = tokens[tokens.length - 1];
  if (!last || last.text !== ':') return null;
  const { from } = sentenceBounds(tokens, tokens.length - 1);
  for (let k = tokens.length - 2; k >= from; k--) {
    const len = cueLength(tokens, k, false);
    if (!len) continue;
    const cue = (tokens[k] as Token).text;
    let sub = subjectOfCue(tokens, k, len, from, tokens.length - 1, cue.toLowerCase());
    if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, from, k);
    if (sub) return { ...sub, cue, how: 'colon' };
  }
  const np =
    nearestClauseSubject(tokens, from, tokens.length - 1, true) ??
    npForward(tokens, from, tokens.length - 1);
  if (np) return { ...build(tokens, np, null), cue: ':', how: 'colon' };
  return null;
}

/** Words after which a new clause, with a subject of its own, can begin. */
const CLAUSE_OPENERS = new Set(
  `and but or when while as because after before since if although though that who whom which
where whereas until so`.split(/\s+/),
);

/**
 * The subject of the clause nearest before the quote at q: the noun phrase before the closest
 * verb whose phrase opens the sentence or a clause (`…, when Clinton called him “…”`, `… and
 * researchers say it could be “…”`). The clause that holds a cue-less fragment is the one whose
 * subject uses it.
 */
function nearestClauseSubject(
  tokens: readonly Token[],
  from: number,
  q: number,
  loose = false,
): Range | null {
  for (let v = q - 1; v > from; v--) {
    const t = tokens[v] as Token;
    if (t.kind === 'quote' || /^[;:]$/.test(t.text)) return null;
    if (!isWord(t) || t.cap || !looksLikeVerb(tokens, v)) continue;
    const end = skipPrefixesBackward(tokens, v, from);
    let np = npBackward(tokens, end, from);
    // "A footnote in the report makes that clear:": the head before the prepositional phrase.
    const prep = np ? tokens[np.from - 1] : undefined;
    if (np && isWord(prep) && /^(in|of|at|from|for|with|on)$/.test(prep.lower) && !prep.cap)
      np = npBackward(tokens, np.from - 1, from) ?? np;
    if (!np || !(loose ? loosePlausible(tokens, np) : plausible(tokens, np))) continue;
    const before = tokens[np.from - 1];
    // "an impersonator who promises that …": a relative pronoun opens its own clause.
    const relative =
      np.to - np.from === 1 &&
      (tokens[np.from] as Token).lower === 'who' &&
      cueLength(tokens, v, false) > 0;
    const opens =
      relative ||
      np.from === from ||
      before === undefined ||
      /^[,—–(]$/.test(before.text) ||
      CLAUSE_OPENERS.has(before.lower) ||
      (SENTENCE_OPENERS.has(before.lower) && np.from - 1 === from);
    if (opens) return np;
  }
  return null;
}

/** "were thrilled with", "is convinced": a state of mind the subject may voice, not a passive. */
const FEELING_PARTICIPLES =
  /^(thrilled|pleased|delighted|concerned|worried|surprised|disappointed|frustrated|angered|outraged|excited|shocked|convinced|determined|committed|prepared|interested|annoyed|upset|amazed|impressed|satisfied|confused|troubled|alarmed|embarrassed|offended|incensed|infuriated|relieved)$/;
const PASSIVE_PARTICIPLES = /^(said|known|seen|told|shown|thought|held|given|made|taken)$/;

/**
 * "Priebus was said to be “furious”", "voters are expected to …": the subject of a passive verb
 * undergoes the clause; a cue-less fragment in it is not its words.
 */
export function isPassiveSubject(tokens: readonly Token[], a: Attribution): boolean {
  let j = a.mention.to;
  // "Ribble, who was elected in 2010, casts …": the passive is the relative clause's, not the
  // subject's own verb.
  if (tokens[j - 1]?.lower === 'who') return false;
  const word = (): Token | null => {
    const t = tokens[j];
    return isWord(t) ? t : null;
  };
  const skipAdverbs = (): void => {
    while (
      word() &&
      /^(also|still|now|often|best|widely|being|been|reportedly|ly)$|ly$/.test(word()!.lower)
    )
      j++;
  };
  skipAdverbs();
  const aux = word();
  if (!aux || !BE_FORMS.has(aux.lower) || /^(get|got|gets|getting)$/.test(aux.lower)) return false;
  j++;
  skipAdverbs();
  const v = word();
  if (!v || v.cap || FEELING_PARTICIPLES.test(v.lower)) return false;
  return (/ed$/.test(v.lower) && !DETERMINERS.has(v.lower)) || PASSIVE_PARTICIPLES.test(v.lower);
}

const NAMING_PARTICIPLES =
  /^(called|dubbed|labeled|labelled|described|termed|known|billed|branded|nicknamed|referred|characterized|characterised)$/;

/**
 * "what is called a “debate”", "was often labeled a “witch hunt” by Democrats": a term the
 * sentence says something is called. Returns the agent after "by" when the sentence names one,
 * 'nobody' when it does not (the term is no one's words), null when the frame is absent.
 */
export function passiveNaming(tokens: readonly Token[], q: number): Attribution | 'nobody' | null {
  let k = q - 1;
  while (k > 0 && /^(a|an|the|as|to)$/.test((tokens[k] as Token).lower) && q - k <= 3) k--;
  const v = tokens[k];
  if (!isWord(v) || !NAMING_PARTICIPLES.test(v.lower)) return null;
  let j = k - 1;
  while (
    j > 0 &&
    isWord(tokens[j]) &&
    (isAdverb((tokens[j] as Token).lower) ||
      /^(also|often|now|sometimes)$/.test((tokens[j] as Token).lower))
  )
    j--;
  // "is called", "what's called", or a reduced relative after a comma ("the inquiry, often
  // labeled a “…” by its critics").
  const aux = tokens[j];
  const reduced = aux?.text === ',' && j < k;
  if (!reduced && !(isWord(aux) && (BE_FORMS.has(aux.lower) || aux.lower === "what's")))
    return null;
  if (tokens[q + 1]?.lower === 'by') {
    const np = npForward(tokens, q + 2, tokens.length);
    if (np && loosePlausible(tokens, np))
      return { ...build(tokens, np, null), cue: v.text, how: 'after' };
  }
  return 'nobody';
}

/** The grammatical subject at the start of the quote's sentence (for cue-less partial quotes). */
export function sentenceSubject(tokens: readonly Token[], q: number): Attribution | null {
  const { from } = sentenceBounds(tokens, q);
  let np = nearestClauseSubject(tokens, from, q) ?? subjectAt(tokens, from, q);
  // "Two analysts found in 2014 that the air force is “the best”": a that-clause reports what
  // the subject of the clause governing it found, claimed or promised.
  const that = np ? np.from - 1 : -1;
  if (np && that > from && tokens[that]?.lower === 'that') {
    const outer = nearestClauseSubject(tokens, from, that) ?? subjectAt(tokens, from, that);
    if (outer && outer.to < that && loosePlausible(tokens, outer)) np = outer;
  }
  return np ? { ...build(tokens, np, null), cue: '', how: 'subject' } : null;
}

/**
 * For a quote that opens its sentence with no attribution of its own: the speaker of the sentence
 * before it in the paragraph ("Coan argues that … . “The government …”").
 */
export function previousSentenceSpeaker(
  tokens: readonly Token[],
  q: number,
  cueOnly = false,
): Attribution | null {
  const { from } = sentenceBounds(tokens, q);
  if ((!cueOnly && from !== q) || from === 0) return null;
  const prevEnd = from; // exclusive
  const { from: prevFrom } = sentenceBounds(tokens, from - 1);
  for (let k = prevEnd - 1; k >= prevFrom; k--) {
    if ((tokens[k] as Token).kind === 'quote') return null;
    const len = cueLength(tokens, k, true);
    if (!len) continue;
    let sub = subjectOfCue(tokens, k, len, prevFrom, prevEnd, (tokens[k] as Token).lower);
    if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, prevFrom, k);
    if (sub) return { ...sub, cue: (tokens[k] as Token).text, how: 'before' };
  }
  if (cueOnly) return null;
  const np = subjectAt(tokens, prevFrom, prevEnd);
  return np ? { ...build(tokens, np, null), cue: '', how: 'subject' } : null;
}

/**
 * The speaker a paragraph with no quote hands on to a quote that opens the next paragraph
 * ("Trump spoke only in evasive bromides.” then “We have to …”): the reporting cue of its last
 * sentence, else that sentence's subject when it can speak.
 */
export function closingSpeaker(tokens: readonly Token[]): Attribution | null {
  if (tokens.length === 0) return null;
  const end = tokens.length;
  const { from } = sentenceBounds(tokens, end - 1);
  for (let k = end - 1; k >= from; k--) {
    const len = cueLength(tokens, k, true);
    if (!len) continue;
    let sub = subjectOfCue(tokens, k, len, from, end, (tokens[k] as Token).lower);
    if (sub === SHARED_SUBJECT) sub = clauseSubject(tokens, from, k);
    if (sub) return { ...sub, cue: (tokens[k] as Token).text, how: 'before' };
  }
  const np = subjectAt(tokens, from, end);
  return np && plausible(tokens, np)
    ? { ...build(tokens, np, null), cue: '', how: 'subject' }
    : null;
}
