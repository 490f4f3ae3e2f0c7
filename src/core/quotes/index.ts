// Direct quotations and who said them, from canonical article text (blocks separated by a blank
// line). Pipeline, linear in the text: (1) quote-mark segmentation per paragraph with parity
// repair (marks.ts); (2) quote vs title/scare quote (classify.ts); (3) attribution in the
// quote's own sentence (attribution.ts); (4) carry-over for quotes with none (same quotation,
// previous quote in the paragraph, a paragraph that ends "… said:", a floating paragraph quote);
// (5) entity resolution: aliases, pronouns, "the senator" (entities.ts).

import type { Mention, Quote, QuoteResult, Speaker, SpeakerKind } from '../types';
import {
  attributeInSentence,
  closingSpeaker,
  cueLength,
  introducerAtEnd,
  previousSentenceSpeaker,
  sentenceSubject,
  isPassiveSubject,
  passiveNaming,
  type Attribution,
  type Range,
} from './attribution';
import { classifyQuote, hasAdjacentCue } from './classify';
import { EntityRegistry, isSourceDescription, parseMention, type Entity } from './entities';
import { findQuoteSpans, splitParagraphs, type Paragraph, type QuoteSpan } from './marks';
import { tokenize, type Token } from './tokens';

export interface ExtractQuotesOptions {
  /** Keep spans classified as titles or scare quotes, flagged with a low confidence. Default false. */
  keepNonQuotes?: boolean;
}

/** An attribution made concrete: offsets and words, independent of any token list. */
interface Attr {
  how: Attribution['how'];
  cue: string;
  mention: Mention;
  subjects: { words: string[]; start: number; role: string | null }[];
  /** Filled once by resolve(), shared by every quote that inherits this attribution. */
  resolved?: { speaker: string | null; kind: SpeakerKind; role: string | null };
}

interface Found {
  span: QuoteSpan;
  tokens: Token[];
  /** Index of the quote token in `tokens`. */
  q: number;
  attr: Attr | null;
  /** Whether the attribution is the quote's own or inherited from its context. */
  inherited: boolean;
  score: number;
  partial: boolean;
}

/** Finds every direct quotation in `text` (canonical article text) and attributes it. */
export function extractQuotes(text: string, options: ExtractQuotesOptions = {}): QuoteResult {
  const paragraphs = splitParagraphs(text);
  const spans = findQuoteSpans(text, paragraphs);
  const found: Found[] = [];
  const intros: (Attr | null)[] = [];

  let si = 0;
  paragraphs.forEach((para, p) => {
    const first = si;
    while (si < spans.length && (spans[si] as QuoteSpan).paragraph === p) si++;
    const own = spans.slice(first, si);
    // Only paragraphs with quotes, or that introduce one ("… said:"), need tokens.
    if (own.length === 0 && text[para.end - 1] !== ':') {
      intros.push(null);
      return;
    }
    const tokens = tokenize(text, para.start, para.end, own, first);
    const intro = introducerAtEnd(tokens);
    intros.push(intro ? concrete(intro, tokens, text) : null);
    tokens.forEach((t, q) => {
      if (t.kind !== 'quote') return;
      const span = spans[t.quote] as QuoteSpan;
      const attribution = attributeInSentence(tokens, q);
      const adjacent = hasAdjacentCue(tokens, q, (k) => cueLength(tokens, k, false) > 0);
      const verdict = classifyQuote(
        tokens,
        q,
        attribution !== null,
        adjacent,
        span.family === 'single',
      );
      if (!verdict.quote && !span.continuation && !span.unopened && !options.keepNonQuotes) return;
      found.push({
        span,
        tokens,
        q,
        attr: attribution ? concrete(attribution, tokens, text) : null,
        inherited: false,
        score: verdict.quote ? verdict.score : Math.min(verdict.score, 0.3),
        partial: isPartial(tokens, q),
      });
    });
  });

  dashSignatures(found, paragraphs, text);
  carryOver(found, intros, text, (p) => {
    const para = paragraphs[p];
    if (!para || spans.some((s) => s.paragraph === p)) return null;
    const tokens = tokenize(text, para.start, para.end, [], 0);
    const a = closingSpeaker(tokens);
    return a ? concrete(a, tokens, text) : null;
  });
  const registry = new EntityRegistry(text);
  for (const f of found) if (f.attr) resolve(f.attr, registry);
  return toResult(found, text);
}

function concrete(a: Attribution, tokens: readonly Token[], text: string): Attr {
  const words = (r: Range): string[] => tokens.slice(r.from, r.to).map((t) => t.text);
  const first = tokens[a.mention.from] as Token;
  const last = tokens[a.mention.to - 1] as Token;
  return {
    how: a.how,
    cue: a.cue,
    mention: { text: text.slice(first.start, last.end), start: first.start, end: last.end },
    subjects: a.subjects.map((s, n) => {
      const role = a.roles[n];
      const roleText = role
        ? text.slice((tokens[role.from] as Token).start, (tokens[role.to - 1] as Token).end)
        : null;
      // An age ("Mattie Thomas, 66, said") describes the speaker but is not a role.
      const cleanRole = roleText && /^\d+$/.test(roleText) ? null : roleText;
      return { words: words(s), start: (tokens[s.from] as Token).start, role: cleanRole };
    }),
  };
}

/**
 * A paragraph that is only "— Name" (a signature line under a quote, as fact-check and
 * quote-collection pages write them) attributes the quotes of the paragraph above it.
 */
function dashSignatures(found: Found[], paragraphs: Paragraph[], text: string): void {
  for (const f of found) {
    if (f.attr) continue;
    const next = paragraphs[f.span.paragraph + 1];
    if (!next || next.end - next.start > 90) continue;
    const m = /^[-—–―]\s*(\p{Lu}[^\n.!?"“”]{1,80}?)\.?$/u.exec(text.slice(next.start, next.end));
    if (!m) continue;
    const name = m[1] as string;
    const start = next.start + (m[0].length - m[0].trimStart().length) + m[0].indexOf(name);
    f.attr = {
      how: 'dash',
      cue: '—',
      mention: { text: name, start, end: start + name.length },
      subjects: [{ words: name.split(/\s+/), start, role: null }],
    };
  }
}

/** A fragment inside the writer's sentence, not a quoted sentence introduced by a cue. */
function isPartial(tokens: readonly Token[], q: number): boolean {
  const t = tokens[q] as Token;
  const prev = tokens[q - 1];
  if (prev === undefined || prev.sentence !== t.sentence) return false;
  const startsLower = /^[\p{Ll}]/u.test(t.text) || /^\.\.\.|^…/.test(t.text);
  if (prev.text === ':') return false;
  if (prev.kind === 'quote') return startsLower;
  if (prev.text === ',') {
    if (!startsLower) return false;
    // “A,” he said, “b …”: the second half of a quoted sentence split by its attribution.
    for (let k = q - 2; k >= Math.max(0, q - 6); k--) {
      const w = tokens[k] as Token;
      if (w.kind === 'quote') return false;
      if (w.kind === 'word' && cueLength(tokens, k, false) > 0) return false;
    }
    return true;
  }
  if (prev.kind === 'word' && cueLength(tokens, q - 1, false) > 0 && !startsLower) return false;
  return true;
}

/** Gives quotes with no attribution in their sentence the speaker the context implies. */
function carryOver(
  found: Found[],
  intros: (Attr | null)[],
  text: string,
  closing: (paragraph: number) => Attr | null,
): void {
  const take = (f: Found, a: Attr | null): boolean => {
    if (!a) return false;
    f.attr = a;
    f.inherited = true;
    return true;
  };
  for (let k = 0; k < found.length; k++) {
    const f = found[k] as Found;
    if (f.attr) continue;
    const prev = found[k - 1];
    const next = found[k + 1];
    const p = f.span.paragraph;
    // A multi-paragraph quotation has one speaker.
    if (f.span.continuation && prev && take(f, prev.attr)) continue;
    // The next quote right after this one carries the cue: “A.” “B,” he said.
    if (next && next.span.paragraph === p && next.q === f.q + 1 && next.attr?.how === 'after')
      if (take(f, next.attr)) continue;
    // “A” and “B,” X said: an attribution after the sentence's last quote covers its earlier
    // quotes too.
    if (take(f, trailingInSentence(found, k))) continue;
    // "what is called a “debate”": a term the sentence names, said by no one (or by its agent).
    if (f.partial) {
      const named = passiveNaming(f.tokens, f.q);
      if (named === 'nobody') continue;
      if (named && take(f, concrete(named, f.tokens, text))) continue;
    }
    // Another quote earlier in the same paragraph (a fragment in a sentence of its own with its
    // own subject is left to that subject below).
    const sameSentence =
      prev !== undefined &&
      prev.tokens === f.tokens &&
      prev.tokens[prev.q]?.sentence === f.tokens[f.q]?.sentence;
    if (prev && prev.span.paragraph === p && (!f.partial || sameSentence) && take(f, prev.attr))
      continue;
    // “Clinton touted her record. “We need …”: the previous sentence's speaker.
    const before = previousSentenceSpeaker(f.tokens, f.q);
    if (before && take(f, concrete(before, f.tokens, text))) continue;
    if (f.q === 0 && p > 0) {
      // “Cruz continued:” then a paragraph that is the quote.
      if (take(f, intros[p - 1] ?? null)) continue;
      // A floating paragraph quote continues the previous paragraph's speaker.
      if (prev && prev.span.paragraph >= p - 1 && take(f, prev.attr)) continue;
      // A paragraph that is a quote after a paragraph of narration about its speaker.
      if (!f.span.continuation && take(f, closing(p - 1))) continue;
    }
    if (f.partial) {
      const subj = sentenceSubject(f.tokens, f.q);
      if (subj && isPassiveSubject(f.tokens, subj)) continue;
      if (subj) {
        f.attr = concrete(subj, f.tokens, text);
        continue;
      }
      // "Brill has argued that … . As a result, there's still “a very powerful industry …”": a
      // fragment in a sentence with no speaking subject continues the previous sentence's cue.
      const before = previousSentenceSpeaker(f.tokens, f.q, true);
      if (before && take(f, concrete(before, f.tokens, text))) continue;
    }
    // “…,” he said. Good information can still drive out bad, “when …”: the last speaker.
    if (prev && prev.span.paragraph === p && take(f, prev.attr)) continue;
  }
  // Segments before a continuation take the speaker found later in the quotation.
  for (let k = found.length - 2; k >= 0; k--) {
    const f = found[k] as Found;
    const next = found[k + 1] as Found;
    if (!f.attr && next.span.continuation && next.attr) take(f, next.attr);
  }
}

/**
 * The attribution that closes the sentence of found[k] ("Guns are “A” and “B,” Dean said"): the
 * own 'after' attribution of a later quote in the same sentence, with no cue-bearing quote between.
 */
function trailingInSentence(found: Found[], k: number): Attr | null {
  const f = found[k] as Found;
  const sentence = f.tokens[f.q]?.sentence;
  for (let j = k + 1; j < found.length; j++) {
    const g = found[j] as Found;
    if (g.tokens !== f.tokens || g.tokens[g.q]?.sentence !== sentence) return null;
    if (!g.attr || g.inherited) continue;
    const framed = /[,—–-]$/.test((g.tokens[g.q] as Token).text) || g.tokens[g.q + 1]?.text === ',';
    return framed && g.attr.how === 'after' && g.attr.mention.start > g.span.end ? g.attr : null;
  }
  return null;
}

/** Resolves an attribution's mention to the speaker a reader would name. */
function resolve(a: Attr, registry: EntityRegistry): void {
  if (a.resolved) return;
  const names: string[] = [];
  const roles: (string | null)[] = [];
  let kind: SpeakerKind = 'unknown';
  for (const s of a.subjects) {
    const parsed = parseMention(s.words);
    let entity: Entity | null = null;
    if (parsed.kind === 'pronoun') {
      entity = registry.pronoun(parsed, s.start);
    } else if (parsed.kind === 'name') {
      if (s.role) parsed.role = parsed.role ? `${parsed.role}; ${s.role}` : s.role;
      entity = registry.named(parsed, s.start);
    } else {
      entity = registry.description(s.words, s.start);
    }
    if (entity) {
      registry.touch(entity, s.start);
      names.push(entity.name);
      roles.push(entity.role);
      kind = 'named';
    } else if (
      parsed.kind === 'description' ||
      (parsed.kind === 'pronoun' && /^(they|we)$/i.test(parsed.name))
    ) {
      names.push(a.mention.text.length < 120 ? descriptionText(s.words) : s.words.join(' '));
      roles.push(null);
      if (kind !== 'named')
        kind =
          parsed.kind === 'description' && isSourceDescription(s.words) ? 'unnamed' : 'unnamed';
    }
  }
  const role = roles.some((r) => r) ? roles.map((r) => r ?? '').join('; ') : null;
  a.resolved = {
    speaker: names.length ? names.join('; ') : null,
    kind: names.length ? kind : 'unknown',
    role,
  };
}

function descriptionText(words: string[]): string {
  return words.join(' ').replace(/ ([,.;:])/g, '$1');
}

function toResult(found: Found[], text: string): QuoteResult {
  const quotes: Quote[] = [];
  const speakers = new Map<string, Speaker>();
  for (const f of found) {
    const a = f.attr;
    const r = a?.resolved;
    const base = f.score * (a ? (f.inherited ? 0.85 : a.how === 'subject' ? 0.7 : 1) : 0.6);
    quotes.push({
      text: text.slice(f.span.start, f.span.end),
      start: f.span.start,
      end: f.span.end,
      speaker: r?.speaker ?? null,
      mention: a ? { ...a.mention } : null,
      speakerKind: r?.kind ?? 'unknown',
      role: r?.role ?? null,
      cue: a && a.cue ? a.cue : null,
      partial: f.partial,
      confidence: Math.round(base * 100) / 100,
    });
    if (r?.speaker) {
      const key = `${r.kind}:${r.speaker}`;
      const s = speakers.get(key);
      if (s) {
        s.quoteCount++;
        if (!s.role && r.role) s.role = r.role;
      } else speakers.set(key, { name: r.speaker, kind: r.kind, role: r.role, quoteCount: 1 });
    }
  }
  return { quotes, speakers: [...speakers.values()] };
}
