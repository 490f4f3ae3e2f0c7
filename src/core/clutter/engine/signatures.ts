// Compiles the signature parts of the rules (selectors, iframe hosts, custom elements, shadow
// hosts) into one selector per rule. The page's element index (context.ts) answers each in
// time proportional to the elements whose id, class or tag could match.
import type { ClutterRule, FrameSignature } from '../rule';
import { cssEscape } from './selector';
import { hostIs, hostOf } from './dom';

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
