// Compiles the signature parts of the rules (selectors, iframe hosts, custom elements, shadow
// hosts) once, and indexes them by the id, class or tag their subject must have, so the page is
// searched in one pass over its elements: each element is tested only against the signatures
// that could match it (plus the few attribute-only ones).
import type { ClutterRule, FrameSignature } from '../rule';
import { cssEscape } from './selector';
import { hostIs, hostOf } from './dom';
import { compileSelector, type CompiledSelector } from './matcher';

export interface CompiledRule {
  rule: ClutterRule;
  /** Comma-joined selector of everything the rule declares ('' when it declares nothing). */
  selector: string;
  /** Selector of the parts that match possibly empty hosts (custom elements, shadow hosts). */
  hostSelector: string;
}

export function frameSelector(frame: FrameSignature): string {
  const parts = [frame.host, frame.path].filter(Boolean).map((p) => `[src*="${p}"]`);
  return `iframe${parts.join('')}`;
}

/** Checks a matched iframe really loads from the declared host (not just mentions it). */
export function frameMatches(el: Element, frames: readonly FrameSignature[]): boolean {
  const host = hostOf(el.getAttribute('src'));
  return frames.some((f) => hostIs(host, f.host));
}

export function compileRule(rule: ClutterRule): CompiledRule {
  const hostParts = [
    ...(rule.customElements ?? []).map((name) => cssEscape(name)),
    ...(rule.shadowHosts ?? []).map((attr) => `[${cssEscape(attr)}]`),
  ];
  const parts = [
    ...(rule.selectors ?? []),
    ...(rule.frames ?? []).map(frameSelector),
    ...hostParts,
  ];
  return { rule, selector: parts.join(', '), hostSelector: hostParts.join(', ') };
}

/** One complex selector of one rule, compiled. */
export interface IndexedSignature {
  rule: ClutterRule;
  compiled: CompiledSelector;
  hostCompiled: CompiledSelector | null;
}

export interface SignatureIndex {
  candidatesFor(el: Element): IndexedSignature[];
}

const indexCache = new WeakMap<readonly CompiledRule[], SignatureIndex>();

export function signatureIndex(rules: readonly CompiledRule[]): SignatureIndex {
  const cached = indexCache.get(rules);
  if (cached) return cached;
  const byId = new Map<string, IndexedSignature[]>();
  const byClass = new Map<string, IndexedSignature[]>();
  const byTag = new Map<string, IndexedSignature[]>();
  const always: IndexedSignature[] = [];
  const push = (map: Map<string, IndexedSignature[]>, key: string, sig: IndexedSignature) => {
    const list = map.get(key);
    if (list) {
      if (!list.some((s) => s.rule === sig.rule)) list.push(sig);
    } else map.set(key, [sig]);
  };
  for (const c of rules) {
    if (!c.selector) continue;
    const whole = compileSelector(c.selector);
    const sig: IndexedSignature = {
      rule: c.rule,
      compiled: whole,
      hostCompiled: c.hostSelector ? compileSelector(c.hostSelector) : null,
    };
    for (const cx of whole.complexes) {
      const subject = cx[cx.length - 1]!;
      if (subject.id != null) push(byId, subject.id, sig);
      else if (subject.classes.length) push(byClass, subject.classes[0]!, sig);
      else if (subject.tag) push(byTag, subject.tag, sig);
      else if (!always.includes(sig)) always.push(sig);
    }
  }
  const index: SignatureIndex = {
    candidatesFor(el) {
      const out: IndexedSignature[] = [...always];
      const add = (list: IndexedSignature[] | undefined) => {
        if (list) for (const s of list) if (!out.includes(s)) out.push(s);
      };
      const id = el.getAttribute('id');
      if (id) add(byId.get(id));
      const cls = el.getAttribute('class');
      if (cls) for (const token of cls.split(/\s+/)) if (token) add(byClass.get(token));
      add(byTag.get(el.localName.toLowerCase()));
      return out;
    },
  };
  indexCache.set(rules, index);
  return index;
}
