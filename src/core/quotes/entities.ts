// Who a mention refers to. Splits a mention into name and role ("Former Vice President Mike
// Pence" → name "Mike Pence", role "Former Vice President"), clusters aliases ("Mr. Zelin",
// "Zelin" → "Aaron Y. Zelin"), resolves pronouns to the most recent compatible person, and
// definite descriptions ("the senator") to the last person the article gave that role.

import {
  DETERMINERS,
  FEMALE_HONORIFICS,
  MALE_HONORIFICS,
  ORG_WORDS,
  SOURCE_NOUNS,
  TITLE_WORDS,
} from './lexicon';

export type Gender = 'm' | 'f' | null;

export interface Entity {
  name: string;
  /** Lower-cased name parts, for alias matching. */
  parts: string[];
  org: boolean;
  plural: boolean;
  gender: Gender;
  role: string | null;
  /** Title words seen with the name ("sen.", "senator"), for "the senator". */
  titles: Set<string>;
  /** Offset of the latest mention of this entity seen so far. */
  lastAt: number;
}

function mentionAsParsed(m: NameMention): ParsedMention {
  return { kind: 'name', name: m.name, role: null, gender: m.gender, titles: m.titles, org: false };
}

export interface ParsedMention {
  kind: 'name' | 'pronoun' | 'description';
  /** Person or organisation name without titles (for kind name), else the mention text. */
  name: string;
  role: string | null;
  gender: Gender;
  titles: string[];
  org: boolean;
}

/** Title abbreviations and the role nouns they stand for, for definite descriptions. */
const TITLE_NOUNS: Record<string, string> = {
  'sen.': 'senator',
  sen: 'senator',
  'rep.': 'representative',
  rep: 'representative',
  'gov.': 'governor',
  gov: 'governor',
  'gen.': 'general',
  'dr.': 'doctor',
  'prof.': 'professor',
  congressman: 'representative',
  congresswoman: 'representative',
};

const NAME_PARTICLES = new Set([
  'bin',
  'ibn',
  'al',
  'de',
  'van',
  'von',
  'der',
  'la',
  'le',
  'da',
  'du',
  'del',
  'di',
  'y',
]);

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);

/** Splits a mention's words into role words and the name they lead to. */
export function parseMention(words: string[]): ParsedMention {
  const lower = words.map((w) => w.toLowerCase().replace(/’/g, "'"));
  const text = words.join(' ');
  if (words.length === 1 && /^(he|she|they|i|we|you|who)$/.test(lower[0] as string)) {
    const g = lower[0] === 'he' ? 'm' : lower[0] === 'she' ? 'f' : null;
    return { kind: 'pronoun', name: text, role: null, gender: g, titles: [], org: false };
  }
  // The name is the trailing run of capitalised words (particles allowed inside).
  let s = words.length;
  while (s > 0) {
    const w = words[s - 1] as string;
    const lw = lower[s - 1] as string;
    if (
      isCap(w) ||
      (NAME_PARTICLES.has(lw) && s < words.length && s > 1 && isCap(words[s - 2] as string))
    )
      s--;
    else break;
  }
  if (s === words.length) {
    // No name at the end: a description ("a retired counter-terrorism official").
    return {
      kind: 'description',
      name: text,
      role: null,
      gender: genderOf(lower),
      titles: [],
      org: false,
    };
  }
  let nameWords = words.slice(s);
  let roleWords = words.slice(0, s);
  const org =
    nameWords.some((w) => ORG_WORDS.has(w.toLowerCase())) || /^the$/i.test(nameWords[0] ?? '');
  const titles: string[] = [];
  if (!org) {
    // Leading title words of the name run belong to the role ("Former Vice President").
    let k = 0;
    while (k < nameWords.length - 1 && TITLE_WORDS.has((nameWords[k] as string).toLowerCase())) k++;
    if (k > 0) {
      titles.push(...nameWords.slice(0, k).map((w) => w.toLowerCase()));
      roleWords = [...roleWords, ...nameWords.slice(0, k)];
      nameWords = nameWords.slice(k);
    }
  } else if (s > 0 && /^the$/i.test(words[s - 1] as string)) {
    // "the United Nations": keep the article with an organisation's name.
    nameWords = [words[s - 1] as string, ...nameWords];
    roleWords = roleWords.slice(0, -1);
  }
  // A possessive in front is not a role ("Trump's spokeswoman Hope Hicks" keeps it, "the" alone does not).
  while (
    roleWords.length &&
    DETERMINERS.has((roleWords[0] as string).toLowerCase()) &&
    roleWords.length === 1
  )
    roleWords = [];
  const honorific = titles.find((t) => MALE_HONORIFICS.has(t) || FEMALE_HONORIFICS.has(t));
  const gender: Gender = honorific
    ? MALE_HONORIFICS.has(honorific)
      ? 'm'
      : 'f'
    : genderOf(roleWords.map((w) => w.toLowerCase()));
  const role = roleWords
    .filter((w) => !/^(mr|mrs|ms|miss)\.?$/i.test(w))
    .join(' ')
    .trim();
  return {
    kind: 'name',
    name: nameWords.join(' ').replace(/['’]s$/, ''),
    role: role || null,
    gender,
    titles,
    org,
  };
}

function genderOf(lower: string[]): Gender {
  for (const w of lower) {
    if (FEMALE_HONORIFICS.has(w) || /^(woman|women|mother|wife|daughter|sister|girl)$/.test(w))
      return 'f';
    if (/^(man|father|husband|son|brother|boy)$/.test(w)) return 'm';
  }
  return null;
}

/** Whether a description names an anonymous or described source (vs. a thing or a role). */
export function isSourceDescription(words: string[]): boolean {
  const head = (words[words.length - 1] ?? '').toLowerCase();
  return SOURCE_NOUNS.has(head);
}

/** A capitalised name run found by the text scan. */
interface NameMention {
  parts: string[];
  name: string;
  at: number;
  gender: Gender;
  /** Role nouns from titles in front of it ("Senator" → senator). */
  titles: string[];
  /** Has a title or honorific, or is the subject of a verb: a person, not a place. */
  person: boolean;
}

/** Known entities of one article, in order of appearance, with alias and pronoun resolution. */
export class EntityRegistry {
  readonly entities: Entity[] = [];
  /** Person names found anywhere in the text: full names for later surname-only mentions. */
  private readonly fullNames: NameMention[] = [];
  private lastPerson: Entity | null = null;
  private lastPlural: Entity | null = null;

  constructor(private readonly text: string) {}

  private fullNamesScanned = false;

  /** Scans the text once, on first need, for candidate full names. */
  private scanFullNames(): void {
    if (this.fullNamesScanned) return;
    this.fullNamesScanned = true;
    const text = this.text;
    // Runs of capitalised words (initials, particles and honorifics allowed): candidate names.
    // The run must start on a plain capital letter, which keeps the scan fast.
    const re =
      /(?:Mrs?\.|Ms\.|Dr\.|[A-Z\u00C0-\u00DE](?:\.|[\p{L}\p{M}'’-]*))(?:[ \u00a0]+(?:[A-Z\u00C0-\u00DE](?:\.|[\p{L}\p{M}'’-]*)|bin|al|de|van|von))+/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const words = m[0].split(/[ \u00a0]+/);
      let honorific = '';
      if (/^(mr|mrs|ms|miss|dr)\.?$/i.test(words[0] as string))
        honorific = (words.shift() as string).toLowerCase();
      const titles: string[] = [];
      while (words.length > 1 && TITLE_WORDS.has((words[0] as string).toLowerCase()))
        titles.push((words.shift() as string).toLowerCase());
      if (words.length < 2 || words.length > 4) continue;
      if (words.some((w) => ORG_WORDS.has(w.toLowerCase()))) continue;
      // A sentence-final period belongs to the sentence, not to the name.
      const name = words
        .join(' ')
        .replace(/['’]s$/, '')
        .replace(/(\p{Ll}{2})\.$/u, '$1');
      const gender: Gender = MALE_HONORIFICS.has(honorific)
        ? 'm'
        : FEMALE_HONORIFICS.has(honorific)
          ? 'f'
          : genderOf(titles);
      const next = /^\s+([a-z]+)/.exec(text.slice(re.lastIndex, re.lastIndex + 16))?.[1] ?? '';
      const person =
        honorific !== '' ||
        titles.length > 0 ||
        /^(said|says|told|\w+ed|has|had|was|is)$/.test(next);
      this.fullNames.push({
        parts: name.toLowerCase().split(' '),
        name,
        at: m.index,
        gender,
        titles: titles.map((t) => TITLE_NOUNS[t] ?? t),
        person,
      });
    }
  }

  /** Finds or creates the entity a named mention refers to. */
  named(p: ParsedMention, at: number): Entity {
    const parts = p.name.toLowerCase().split(/\s+/);
    let e = this.findAlias(parts);
    if (e && !e.org && parts.length > e.parts.length) {
      e.name = p.name; // a fuller form of a name seen first as a surname
      e.parts = parts;
    }
    if (!e) {
      let name = p.name;
      if (parts.length === 1 && !p.org) {
        const full = this.fullNameFor(parts[0] as string, at);
        if (full) name = full;
      }
      e = {
        name,
        parts: name.toLowerCase().split(/\s+/),
        org: p.org,
        plural: p.org,
        gender: p.gender,
        role: null,
        titles: new Set(),
        lastAt: at,
      };
      this.entities.push(e);
    }
    if (p.role && !e.role) e.role = p.role;
    if (p.gender && !e.gender) e.gender = p.gender;
    for (const t of p.titles) e.titles.add(TITLE_NOUNS[t] ?? t);
    if (p.role)
      for (const w of p.role.toLowerCase().split(/\s+/)) e.titles.add(TITLE_NOUNS[w] ?? w);
    this.touch(e, at);
    return e;
  }

  /** Resolves a pronoun at offset `at` to the most recent compatible person. */
  pronoun(p: ParsedMention, at: number): Entity | null {
    const lw = p.name.toLowerCase();
    if (lw === 'they') return this.lastPlural;
    if (lw === 'we' || lw === 'you' || lw === 'i') return null;
    const want = p.gender;
    let best: Entity | null = null;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const e = this.recent[k] as Entity;
      if (e.org || e.plural) continue;
      if (want && e.gender && e.gender !== want) continue;
      best = e;
      break;
    }
    // A person named in the writer's text more recently than any speaker.
    const mention = this.lastMention(at, (m) => {
      if (!m.person) return false;
      const known = this.findAlias(m.parts);
      const g = m.gender ?? known?.gender ?? null;
      return !(want && g && g !== want);
    });
    if (mention && (!best || mention.at > best.lastAt)) {
      best = this.named(mentionAsParsed(mention), mention.at);
    }
    if (best && want && !best.gender) best.gender = want;
    return best ?? this.lastPerson;
  }

  /** "the senator", "the Florida senator": the last person the article gave that role word. */
  description(words: string[], at: number): Entity | null {
    const lower = words.map((w) => w.toLowerCase());
    if (lower[0] !== 'the' && lower[0] !== 'this') return null;
    const head = lower[lower.length - 1] as string;
    let best: Entity | null = null;
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const e = this.recent[k] as Entity;
      if (!e.org && e.titles.has(head)) {
        best = e;
        break;
      }
    }
    const mention = this.lastMention(at, (m) => m.titles.includes(head));
    if (mention && (!best || mention.at > best.lastAt))
      best = this.named(mentionAsParsed(mention), mention.at);
    return best;
  }

  /** The latest scanned name before offset `at` that satisfies `ok` (searching backwards). */
  private lastMention(at: number, ok: (m: NameMention) => boolean): NameMention | null {
    this.scanFullNames();
    const names = this.fullNames;
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((names[mid] as NameMention).at < at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && lo - k <= 60; k--) {
      const m = names[k] as NameMention;
      if (ok(m)) return m;
    }
    return null;
  }

  /** Entities in order of last use (most recent last). */
  private recent: Entity[] = [];

  touch(e: Entity, at = -1): void {
    if (at > e.lastAt) e.lastAt = at;
    const i = this.recent.indexOf(e);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.push(e);
    if (e.org || e.plural) this.lastPlural = e;
    else this.lastPerson = e;
  }

  private findAlias(parts: string[]): Entity | null {
    for (let k = this.entities.length - 1; k >= 0; k--) {
      const e = this.entities[k] as Entity;
      if (e.parts.join(' ') === parts.join(' ')) return e;
      if (!e.org && parts.length === 1 && e.parts[e.parts.length - 1] === parts[0]) return e;
      if (
        !e.org &&
        parts.length >= 2 &&
        e.parts.length === 1 &&
        parts[parts.length - 1] === e.parts[0]
      ) {
        return e;
      }
    }
    return null;
  }

  private fullNameFor(surname: string, at: number): string | null {
    this.scanFullNames();
    let best: string | null = null;
    for (const f of this.fullNames) {
      if (f.parts[f.parts.length - 1] !== surname) continue;
      if (f.at <= at || best === null) best = f.name;
      if (f.at > at) break;
    }
    return best;
  }
}
