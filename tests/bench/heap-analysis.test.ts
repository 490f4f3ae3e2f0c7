// The heap section's arithmetic (scripts/bench/heap-analysis.ts) on two small hand-made V8 heap
// snapshots in the format CDP streams: what is new, whose code it is, who holds new data, and the
// dominator-tree retained sizes.
import { describe, expect, it } from 'vitest';
import {
  codeByScript,
  diffSnapshots,
  growthSplit,
  holders,
  parseSnapshot,
  REGEXP_CODE,
  retainedSizes,
} from '../../scripts/bench/heap-analysis';

const NODE_TYPES = [
  'hidden',
  'array',
  'string',
  'object',
  'code',
  'closure',
  'native',
  'synthetic',
];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

interface N {
  type: string;
  name: string;
  id: number;
  size: number;
  edges?: Array<[type: string, name: string, toId: number]>;
}

/** Serialises nodes the way V8 does (flat arrays, string table, edges in node order). */
function snapshot(nodes: N[]): string {
  const strings: string[] = [];
  const str = (s: string) => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const flatNodes: number[] = [];
  const flatEdges: number[] = [];
  for (const n of nodes) {
    const edges = n.edges ?? [];
    flatNodes.push(NODE_TYPES.indexOf(n.type), str(n.name), n.id, n.size, edges.length, 0, 0);
    for (const [type, name, to] of edges) {
      flatEdges.push(EDGE_TYPES.indexOf(type), str(name), index.get(to)! * 7);
    }
  }
  return JSON.stringify({
    snapshot: {
      meta: {
        node_fields: [
          'type',
          'name',
          'id',
          'self_size',
          'edge_count',
          'trace_node_id',
          'detachedness',
        ],
        node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
      },
    },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  });
}

const SCRIPT = 'system / Script / chrome-extension://abcdefghijklmnopabcdefghijklmnop/content.js';

const OLD: N[] = [
  { type: 'synthetic', name: '(root)', id: 1, size: 0, edges: [['element', '1', 3]] },
  {
    type: 'object',
    name: 'Window',
    id: 3,
    size: 100,
    edges: [
      ['property', 'page', 5],
      ['internal', 'script', 7],
    ],
  },
  { type: 'object', name: 'PageThing', id: 5, size: 40 },
  { type: 'code', name: SCRIPT, id: 7, size: 80 },
];

const NEW: N[] = [
  {
    type: 'synthetic',
    name: '(root)',
    id: 1,
    size: 0,
    edges: [['element', '1', 3]],
  },
  {
    type: 'object',
    name: 'Window',
    id: 3,
    size: 100,
    edges: [
      ['property', 'page', 5],
      ['internal', 'script', 7],
      ['property', 'cache', 14],
      ['property', 'engine', 10],
      ['weak', 'maybe', 16],
      ['internal', 'pattern', 18],
    ],
  },
  { type: 'object', name: 'PageThing', id: 5, size: 40 },
  { type: 'code', name: SCRIPT, id: 7, size: 80 },
  // A content.js function with its compiled code.
  {
    type: 'closure',
    name: 'analyze',
    id: 10,
    size: 32,
    edges: [
      ['internal', 'shared', 11],
      ['internal', 'code', 13],
    ],
  },
  {
    type: 'code',
    name: 'system / SharedFunctionInfo / analyze',
    id: 11,
    size: 48,
    edges: [['internal', 'script', 7]],
  },
  { type: 'code', name: 'system / Code', id: 13, size: 1000 },
  // New data: a cache holding a DOM node.
  { type: 'object', name: 'Object', id: 14, size: 200, edges: [['element', '0', 15]] },
  { type: 'native', name: 'HTMLDivElement', id: 15, size: 50 },
  // A regular expression compiled to machine code.
  {
    type: 'native',
    name: 'system / IrRegExpData',
    id: 18,
    size: 24,
    edges: [['internal', '3', 19]],
  },
  { type: 'code', name: 'system / Code', id: 19, size: 64 },
  // Only weakly held: not retained by anyone.
  { type: 'object', name: 'Ghost', id: 16, size: 10 },
];

describe('heap analysis', () => {
  const before = parseSnapshot(snapshot(OLD));
  const after = parseSnapshot(snapshot(NEW));

  it('finds the objects that are new by their snapshot ids', () => {
    const d = diffSnapshots(before, after);
    expect(d.newCount).toBe(8);
    expect(d.newBytes).toBe(32 + 48 + 1000 + 200 + 50 + 10 + 24 + 64);
    expect(d.goneBytes).toBe(0);
    expect(d.totalAfter - d.totalBefore).toBe(d.newBytes);
    expect(d.byCategory.get('native (DOM, C++)')).toEqual({ bytes: 74, count: 2 });
  });

  it("puts compiled code on its function's script", () => {
    const d = diffSnapshots(before, after);
    const byScript = codeByScript(after, new Set(d.newNodes));
    expect(byScript.get('extension: content.js')).toEqual({ bytes: 1048, count: 2 });
    expect(byScript.get(REGEXP_CODE)).toEqual({ bytes: 64, count: 1 });
    expect(byScript.size).toBe(2);
  });

  it('splits the growth into content-script code, other code, data and native', () => {
    expect(growthSplit(before, after)).toEqual({
      contentCode: 1048,
      regexpCode: 64,
      otherCode: 0,
      data: 32 + 200 + 10,
      native: 50 + 24,
    });
  });

  it('names the old object that holds new data, and skips weak edges', () => {
    const d = diffSnapshots(before, after);
    const data = new Set(d.newNodes.filter((i) => after.nodeType(i) !== 'code'));
    const rows = new Map(holders(after, data));
    const cache = [...rows.entries()].find(([key]) => key.includes('--cache-->'));
    expect(cache?.[0]).toMatch(/^object Window@3 --cache--> object Object/);
    expect(cache?.[1]).toEqual({ bytes: 250, count: 2 });
    expect(rows.get('(only weakly held or unreached)')).toEqual({ bytes: 10, count: 1 });
  });

  it('sums retained sizes over the dominator tree', () => {
    const retained = retainedSizes(after);
    const at = (id: number) => retained[after.byId.get(id)!];
    expect(at(14)).toBe(250);
    // The script is shared by old and new: the window dominates it, not the function.
    expect(at(10)).toBe(32 + 48 + 1000);
    expect(at(3)).toBe(100 + 40 + 80 + 32 + 48 + 1000 + 250 + 24 + 64);
  });
});
