// What a clutter rule is. One rule per file under ./rules/<kind>/, registered in ../registry.ts.
// A rule either declares DOM signatures (selectors, iframe hosts, custom elements, shadow hosts)
// that the engine matches in one combined querySelectorAll pass, or supplies a `detect` function
// for generic, structure-based detection.
import type { ClutterKind } from '../types';
import type { PageContext } from './engine/context';

/** An embedded frame recognised by where it loads from, e.g. `{ host: 'disqus.com', path: '/embed' }`. */
export interface FrameSignature {
  /** Host or host suffix (`disqus.com` matches `foo.disqus.com`). */
  host: string;
  /** Optional path prefix the src must contain. */
  path?: string;
}

export interface ClutterRule {
  /** `<kind>/<name>`, also the fixture folder name with `/` replaced by `__`. */
  id: string;
  kind: ClutterKind;
  /** One line: what the rule recognises and why that means clutter. */
  why: string;
  /** Signature rules ≥ 0.9; generic heuristics lower. */
  confidence: number;
  /**
   * How specific the rule is, used when findings nest or coincide: the reported rule of a merged
   * finding is the most specific one. 3 = a named platform's own markup, 2 = a CMS convention,
   * 1 = a conventional id or class, 0 = a structural heuristic.
   */
  specificity: 0 | 1 | 2 | 3;
  /** CSS selectors of the platform's own markup. */
  selectors?: readonly string[];
  /** Iframes by source host (+ optional path). */
  frames?: readonly FrameSignature[];
  /** Custom element names the platform defines (`hyvor-talk-comments`). */
  customElements?: readonly string[];
  /** Attributes the platform puts on its shadow-root host (`data-spot-im-shadow-host`). */
  shadowHosts?: readonly string[];
  /**
   * Turns a signature match into the block to hide (e.g. an iframe into its wrapper), or rejects
   * it with null. Default: the matched element itself, after the engine's sanity checks.
   */
  toBlock?: (matched: Element, page: PageContext) => Element | null;
  /**
   * Only report this rule's blocks when the page also has a comment thread found by another rule
   * (a lone reply form on an article without comments is not worth a chip).
   */
  needsThread?: boolean;
  /** Generic detector: returns the blocks it recognises within `page.scopes`. */
  detect?: (page: PageContext) => Element[];
}

/** Names for the `specificity` levels, so rule files read as prose. */
export const PLATFORM = 3;
export const CMS = 2;
export const CONVENTION = 1;
export const HEURISTIC = 0;
