// The canonical plain text of an article and a map from its offsets back to DOM text nodes.
//
// Quote offsets are offsets into this text, and the quote marker in the UI turns them back into
// DOM ranges with `textPieces`. Both sides must therefore agree on one rendering: blocks are
// separated by a blank line, <br> is a newline, runs of white space collapse to one space (except
// inside <pre>), and nothing leads or trails.

export interface TextSegment {
  node: Text;
  /** Offset of the first character of this run in `TextMap.text`. */
  start: number;
  /** nodeOffsets[i] is the offset in `node.data` of `text[start + i]`. */
  nodeOffsets: number[];
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
}

/** A piece of one text node: what to wrap to mark a span of the text. */
export interface TextPiece {
  node: Text;
  startOffset: number;
  endOffset: number;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WHITESPACE = /[ \t\n\r\f\u00a0\u2028\u2029]/;

/**
 * Accumulates the text in chunks and tracks its length and last character itself: reading back a
 * string built with `+=` (endsWith, charAt) makes V8 flatten it, which turned a per-character check
 * into quadratic time on long articles.
 */
class TextBuilder {
  private parts: string[] = [];
  length = 0;
  private lastChar = '';
  segments: TextSegment[] = [];
  private pendingBreak = '';
  private pendingSpace: { node: Text; offset: number } | null = null;

  get text(): string {
    return this.parts.join('');
  }

  requestBreak(value: '\n' | '\n\n') {
    this.pendingSpace = null;
    if (this.length === 0) return;
    if (value.length > this.pendingBreak.length) this.pendingBreak = value;
  }

  private push(chunk: string) {
    this.parts.push(chunk);
    this.length += chunk.length;
    this.lastChar = chunk[chunk.length - 1] as string;
  }

  private append(node: Text, offset: number, ch: string) {
    if (this.textOnly) {
      this.push(ch);
      return;
    }
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.start + last.nodeOffsets.length === this.length) {
      last.nodeOffsets.push(offset);
    } else {
      this.segments.push({ node, start: this.length, nodeOffsets: [offset] });
    }
    this.push(ch);
  }

  private flushPending() {
    if (this.pendingBreak) {
      this.push(this.pendingBreak);
      this.pendingBreak = '';
      this.pendingSpace = null;
    } else if (this.pendingSpace) {
      const { node, offset } = this.pendingSpace;
      this.pendingSpace = null;
      this.append(node, offset, ' ');
    }
  }

  /** With `textOnly`, segments are not recorded (canonicalText): whole runs are appended at once. */
  constructor(private readonly textOnly = false) {}

  addText(node: Text, preformatted: boolean) {
    const data = node.data;
    if (this.textOnly) {
      this.addRuns(node, data, preformatted);
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const ch = data[i] as string;
      if (preformatted) {
        this.flushPending();
        this.append(node, i, ch === '\r' ? '\n' : ch);
      } else if (WHITESPACE.test(ch)) {
        if (this.length > 0 && !this.pendingBreak && !this.pendingSpace && this.lastChar !== '\n') {
          this.pendingSpace = { node, offset: i };
        }
      } else {
        this.flushPending();
        this.append(node, i, ch);
      }
    }
  }

  /**
   * The same rendering as the per-character loop, a whole text node at a time. With white-space
   * runs collapsed to one space, only the ends need the loop's rules: a space between two words
   * is always kept (the word before it leaves nothing pending and is not a line break), so the
   * middle is pushed as it is.
   */
  private addRuns(node: Text, data: string, preformatted: boolean) {
    if (data.length === 0) return;
    if (preformatted) {
      this.flushPending();
      this.push(data.includes('\r') ? data.replace(/\r/g, '\n') : data);
      return;
    }
    const collapsed = data.replace(SPACE_RUNS, ' ');
    let start = 0;
    let end = collapsed.length;
    if (collapsed[0] === ' ') {
      this.spaceAt(node);
      start = 1;
    }
    const trailing = end > start && collapsed[end - 1] === ' ';
    if (trailing) end--;
    if (end > start) {
      this.flushPending();
      this.push(start === 0 && end === collapsed.length ? collapsed : collapsed.slice(start, end));
    }
    if (trailing) this.spaceAt(node);
  }

  /** White space where the text-only rendering does not need its offset. */
  private spaceAt(node: Text) {
    if (this.length > 0 && !this.pendingBreak && !this.pendingSpace && this.lastChar !== '\n') {
      this.pendingSpace = { node, offset: 0 };
    }
  }
}

const SPACE_RUNS = /[ \t\n\r\f\u00a0\u2028\u2029]+/g;

function walk(node: Node, builder: TextBuilder, preformatted: boolean) {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      builder.addText(child as Text, preformatted);
    } else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        builder.requestBreak('\n');
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) builder.requestBreak('\n\n');
      walk(child, builder, preformatted || tag === 'PRE');
      if (block) builder.requestBreak('\n\n');
    }
  }
}

/** Renders the text under `root` and remembers where each character came from. */
export function buildTextMap(root: Node): TextMap {
  const builder = new TextBuilder();
  walk(root, builder, false);
  return { text: builder.text, segments: builder.segments };
}

/** Just the canonical text (same rendering as buildTextMap). */
export function canonicalText(root: Node): string {
  const builder = new TextBuilder(true);
  walk(root, builder, false);
  return builder.text;
}

/** Index of the last segment starting at or before `offset` (binary search). */
function segmentIndexAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid] as TextSegment).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The text-node pieces covering text[start, end). Characters that were synthesised (block
 * breaks) belong to no node and are skipped, so a span over two paragraphs gives two pieces.
 */
export function textPieces(map: TextMap, start: number, end: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  let index = Math.max(0, segmentIndexAt(map.segments, start));
  for (; index < map.segments.length; index++) {
    const segment = map.segments[index] as TextSegment;
    const segEnd = segment.start + segment.nodeOffsets.length;
    if (segment.start >= end) break;
    if (segEnd <= start) continue;
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, segEnd) - segment.start;
    const startOffset = segment.nodeOffsets[from] as number;
    const endOffset = (segment.nodeOffsets[to - 1] as number) + 1;
    const previous = pieces[pieces.length - 1];
    if (previous && previous.node === segment.node && previous.endOffset === startOffset) {
      previous.endOffset = endOffset;
    } else {
      pieces.push({ node: segment.node, startOffset, endOffset });
    }
  }
  return pieces;
}
