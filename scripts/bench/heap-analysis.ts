// Reading V8 heap snapshots (the JSON that CDP's HeapProfiler.takeHeapSnapshot streams): what is
// new between two snapshots of one isolate (node ids are stable across them), summed by kind, by
// constructor, by the script that owns compiled code, and by the old object that holds new data.
// Used by the heap section of the benchmark (click-path.ts) and by heap-snapshot.ts.
import { fmt } from './stats';

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface Snapshot {
  count: number;
  type: string[];
  name: (i: number) => string;
  nodeType: (i: number) => string;
  id: Uint32Array;
  selfSize: Float64Array;
  /** First edge index of each node (edge arrays are flat). */
  firstEdge: Uint32Array;
  edgeCount: Uint32Array;
  edgeType: (e: number) => string;
  edgeName: (e: number) => string;
  edgeTo: Uint32Array;
  byId: Map<number, number>;
}

export function parseSnapshot(text: string): Snapshot {
  const raw = JSON.parse(text) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const fType = meta.node_fields.indexOf('type');
  const fName = meta.node_fields.indexOf('name');
  const fId = meta.node_fields.indexOf('id');
  const fSize = meta.node_fields.indexOf('self_size');
  const fEdges = meta.node_fields.indexOf('edge_count');
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const count = raw.nodes.length / nf;
  const id = new Uint32Array(count);
  const selfSize = new Float64Array(count);
  const firstEdge = new Uint32Array(count);
  const edgeCount = new Uint32Array(count);
  const byId = new Map<number, number>();
  let edge = 0;
  for (let i = 0; i < count; i++) {
    id[i] = raw.nodes[i * nf + fId]!;
    selfSize[i] = raw.nodes[i * nf + fSize]!;
    firstEdge[i] = edge;
    edgeCount[i] = raw.nodes[i * nf + fEdges]!;
    edge += edgeCount[i]!;
    byId.set(id[i]!, i);
  }
  const edgeTo = new Uint32Array(raw.edges.length / ef);
  for (let e = 0; e < edgeTo.length; e++) edgeTo[e] = raw.edges[e * ef + eTo]! / nf;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  return {
    count,
    type: nodeTypes,
    name: (i) => raw.strings[raw.nodes[i * nf + fName]!] ?? '',
    nodeType: (i) => nodeTypes[raw.nodes[i * nf + fType]!] ?? '?',
    id,
    selfSize,
    firstEdge,
    edgeCount,
    edgeType: (e) => edgeTypes[raw.edges[e * ef + eType]!] ?? '?',
    edgeName: (e) => {
      const t = edgeTypes[raw.edges[e * ef + eType]!];
      const v = raw.edges[e * ef + eName]!;
      return t === 'element' || t === 'hidden' ? `[${v}]` : (raw.strings[v] ?? String(v));
    },
    edgeTo,
    byId,
  };
}

/** A coarse kind for a node: what an engineer would call it when reading the figure. */
export function category(s: Snapshot, i: number): string {
  const t = s.nodeType(i);
  const n = s.name(i);
  if (t === 'code') {
    if (n.startsWith('(BYTECODE') || n === '(bytecode array)') return 'code: bytecode';
    return 'code: ' + (n.replace(/^\((.*)\)$/, '$1') || 'other');
  }
  if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return 'strings';
  if (t === 'closure') return 'closures (JS functions)';
  if (t === 'native') return 'native (DOM, C++)';
  if (t === 'hidden') return 'hidden: ' + n.replace(/^system \/ /, '');
  if (t === 'array') return 'arrays (backing stores)';
  if (t === 'object shape') return 'object shapes (maps)';
  if (t === 'number' || t === 'heap number') return 'numbers';
  if (t === 'regexp') return 'regexps';
  if (t === 'object') {
    if (/^(HTML|SVG|Text|Comment|Document|ShadowRoot|CSS|Detached )/.test(n)) return 'DOM wrappers';
    return 'JS objects';
  }
  return t;
}

export interface Diff {
  totalBefore: number;
  totalAfter: number;
  newBytes: number;
  newCount: number;
  goneBytes: number;
  byCategory: Map<string, { bytes: number; count: number }>;
  byName: Map<string, { bytes: number; count: number }>;
  newNodes: number[];
}

export function diffSnapshots(before: Snapshot, after: Snapshot): Diff {
  const sum = (s: Snapshot) => s.selfSize.reduce((a, b) => a + b, 0);
  const byCategory = new Map<string, { bytes: number; count: number }>();
  const byName = new Map<string, { bytes: number; count: number }>();
  const add = (m: typeof byCategory, key: string, bytes: number) => {
    const v = m.get(key) ?? { bytes: 0, count: 0 };
    v.bytes += bytes;
    v.count += 1;
    m.set(key, v);
  };
  let newBytes = 0;
  let goneBytes = 0;
  const newNodes: number[] = [];
  const present = new Set<number>();
  for (let i = 0; i < after.count; i++) {
    const nodeId = after.id[i]!;
    present.add(nodeId);
    if (before.byId.has(nodeId)) continue;
    const bytes = after.selfSize[i]!;
    newBytes += bytes;
    newNodes.push(i);
    add(byCategory, category(after, i), bytes);
    const nm = after.name(i);
    add(byName, `${after.nodeType(i)}: ${nm.length > 60 ? nm.slice(0, 57) + '...' : nm}`, bytes);
  }
  for (let i = 0; i < before.count; i++) {
    if (!present.has(before.id[i]!)) goneBytes += before.selfSize[i]!;
  }
  return {
    totalBefore: sum(before),
    totalAfter: sum(after),
    newBytes,
    newCount: newNodes.length,
    goneBytes,
    byCategory,
    byName,
    newNodes,
  };
}

/**
 * Owner of the new objects: a forward walk from every object that is not new, through new
 * objects only, skipping weak edges. Each new object is put on the first old object (and edge)
 * that reaches it, which names what keeps a group of new objects alive. Linear in the snapshot.
 */
export function holders(s: Snapshot, newSet: Set<number>) {
  const owner = new Map<number, string>();
  const describe = (i: number) => `${s.nodeType(i)} ${s.name(i).slice(0, 60)}@${s.id[i]}`;
  const strong = (e: number) => {
    const t = s.edgeType(e);
    return t !== 'weak' && t !== 'shortcut';
  };
  let queue: number[] = [];
  for (let i = 0; i < s.count; i++) {
    if (newSet.has(i)) continue;
    const first = s.firstEdge[i]!;
    for (let e = first; e < first + s.edgeCount[i]!; e++) {
      const to = s.edgeTo[e]!;
      if (!newSet.has(to) || owner.has(to) || !strong(e)) continue;
      owner.set(
        to,
        `${describe(i)} --${s.edgeName(e)}--> ${s.nodeType(to)} ${s.name(to).slice(0, 40)}`,
      );
      queue.push(to);
    }
  }
  while (queue.length) {
    const next: number[] = [];
    for (const i of queue) {
      const label = owner.get(i)!;
      const first = s.firstEdge[i]!;
      for (let e = first; e < first + s.edgeCount[i]!; e++) {
        const to = s.edgeTo[e]!;
        if (!newSet.has(to) || owner.has(to) || !strong(e)) continue;
        owner.set(to, label);
        next.push(to);
      }
    }
    queue = next;
  }
  const sums = new Map<string, { bytes: number; count: number }>();
  for (const i of newSet) {
    const key = owner.get(i) ?? '(only weakly held or unreached)';
    const v = sums.get(key) ?? { bytes: 0, count: 0 };
    v.bytes += s.selfSize[i]!;
    v.count += 1;
    sums.set(key, v);
  }
  return [...sums.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
}

/**
 * Compiled code (bytecode, baseline and optimised machine code, feedback) belongs to a function,
 * and the function to a script: a walk from every function (closure, SharedFunctionInfo) through
 * code objects labels each code object with the nearest function's script URL. Tells the content
 * script's code from the page's and the driver's (Playwright's utility script).
 */
export const REGEXP_CODE = 'regular expressions (any script)';

export function codeByScript(s: Snapshot, newSet: Set<number>) {
  const edgeNamed = (i: number, name: string) => {
    const first = s.firstEdge[i]!;
    for (let e = first; e < first + s.edgeCount[i]!; e++)
      if (s.edgeName(e) === name) return s.edgeTo[e]!;
    return -1;
  };
  const scriptOf = (sfi: number) => {
    const script = sfi < 0 ? -1 : edgeNamed(sfi, 'script');
    if (script < 0) return '(no script)';
    const name = s.name(script).replace(/^system \/ Script \/ ?/, '');
    return name.replace(/^chrome-extension:\/\/[a-p]{32}\//, 'extension: ') || '(anonymous script)';
  };
  const label = new Map<number, string>();
  let queue: number[] = [];
  for (let i = 0; i < s.count; i++) {
    const t = s.nodeType(i);
    const n = s.name(i);
    if (t === 'closure') label.set(i, scriptOf(edgeNamed(i, 'shared')));
    else if (t === 'code' && n.startsWith('system / SharedFunctionInfo')) label.set(i, scriptOf(i));
    // A regular expression's compiled matcher hangs off its data, not off a function.
    else if (n.endsWith('RegExpData')) label.set(i, REGEXP_CODE);
    else continue;
    queue.push(i);
  }
  while (queue.length) {
    const next: number[] = [];
    for (const i of queue) {
      const first = s.firstEdge[i]!;
      for (let e = first; e < first + s.edgeCount[i]!; e++) {
        const to = s.edgeTo[e]!;
        if (label.has(to) || s.nodeType(to) !== 'code' || s.edgeType(e) === 'weak') continue;
        if (s.name(to).startsWith('system / Script')) continue;
        label.set(to, label.get(i)!);
        next.push(to);
      }
    }
    queue = next;
  }
  const sums = new Map<string, { bytes: number; count: number }>();
  for (const i of newSet) {
    if (s.nodeType(i) !== 'code') continue;
    const key = label.get(i) ?? '(no function)';
    const v = sums.get(key) ?? { bytes: 0, count: 0 };
    v.bytes += s.selfSize[i]!;
    v.count += 1;
    sums.set(key, v);
  }
  return sums;
}

/**
 * Retained size of every node: the bytes that would be freed with it, from the dominator tree of
 * the strong-edge graph (Cooper, Harvey & Kennedy's iterative algorithm; node 0 is the root).
 */
export function retainedSizes(s: Snapshot): Float64Array {
  const n = s.count;
  const strong = (e: number) => {
    const t = s.edgeType(e);
    return t !== 'weak' && t !== 'shortcut';
  };
  // Depth-first postorder from the root.
  const order = new Int32Array(n).fill(-1);
  const post: number[] = [];
  const stack: Array<[number, number]> = [[0, s.firstEdge[0]!]];
  order[0] = -2;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [node, e] = top;
    if (e < s.firstEdge[node]! + s.edgeCount[node]!) {
      top[1] = e + 1;
      const to = s.edgeTo[e]!;
      if (order[to] === -1 && strong(e)) {
        order[to] = -2;
        stack.push([to, s.firstEdge[to]!]);
      }
    } else {
      order[node] = post.length;
      post.push(node);
      stack.pop();
    }
  }
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    if (order[i]! < 0) continue;
    const first = s.firstEdge[i]!;
    for (let e = first; e < first + s.edgeCount[i]!; e++) {
      if (strong(e) && order[s.edgeTo[e]!]! >= 0) preds[s.edgeTo[e]!]!.push(i);
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!;
      while (order[b]! < order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = post.length - 1; k >= 0; k--) {
      const node = post[k]!;
      if (node === 0) continue;
      let dom = -1;
      for (const p of preds[node]!) {
        if (idom[p] === -1) continue;
        dom = dom === -1 ? p : intersect(p, dom);
      }
      if (dom !== -1 && idom[node] !== dom) {
        idom[node] = dom;
        changed = true;
      }
    }
  }
  const retained = Float64Array.from(s.selfSize);
  for (const node of post) {
    const dom = idom[node]!;
    if (node !== 0 && dom >= 0) retained[dom] = retained[dom]! + retained[node]!;
  }
  return retained;
}

/**
 * The content script's module scope (the bundle's top-level variables), found as the context that
 * content.js closures share most, with the retained size of each variable's value.
 */
export function moduleScope(s: Snapshot, retained: Float64Array) {
  const uses = new Map<number, number>();
  for (let i = 0; i < s.count; i++) {
    if (s.nodeType(i) !== 'closure') continue;
    let context = -1;
    let script = '';
    const first = s.firstEdge[i]!;
    for (let e = first; e < first + s.edgeCount[i]!; e++) {
      const name = s.edgeName(e);
      if (name === 'context') context = s.edgeTo[e]!;
      if (name === 'shared') {
        const sfi = s.edgeTo[e]!;
        for (let f = s.firstEdge[sfi]!; f < s.firstEdge[sfi]! + s.edgeCount[sfi]!; f++) {
          if (s.edgeName(f) === 'script') script = s.name(s.edgeTo[f]!);
        }
      }
    }
    if (context >= 0 && script.endsWith('/content.js'))
      uses.set(context, (uses.get(context) ?? 0) + 1);
  }
  const scope = [...uses.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (scope === undefined) return [];
  const rows: Array<[string, number]> = [];
  for (let e = s.firstEdge[scope]!; e < s.firstEdge[scope]! + s.edgeCount[scope]!; e++) {
    if (s.edgeType(e) !== 'context') continue;
    const to = s.edgeTo[e]!;
    rows.push([`${s.edgeName(e)} = ${s.nodeType(to)} ${s.name(to).slice(0, 40)}`, retained[to]!]);
  }
  return rows.sort((a, b) => b[1] - a[1]);
}

export const kb = (bytes: number) => fmt(bytes / 1024, 1);

export function top(m: Map<string, { bytes: number; count: number }>, n: number) {
  return [...m.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, n)
    .map(([k, v]) => [k, kb(v.bytes), String(v.count)]);
}

/** Where the bytes new in `after` went: the content script's compiled code, other code, data. */
export interface GrowthSplit {
  /** Bytecode, machine code, feedback and other code objects of content.js's functions. */
  contentCode: number;
  /** Compiled regular expressions (not tied to a script; here nearly all the content script's). */
  regexpCode: number;
  /** Code of any other script (the page's, the probes'). */
  otherCode: number;
  /** JS objects, strings, arrays, closures, shapes: data on the JS heap. */
  data: number;
  /** DOM and other C++ objects (mostly outside the JS heap that Runtime.getHeapUsage reports). */
  native: number;
}

export function growthSplit(before: Snapshot, after: Snapshot): GrowthSplit {
  const d = diffSnapshots(before, after);
  const newSet = new Set(d.newNodes);
  const code = codeByScript(after, newSet);
  const contentCode = code.get('extension: content.js')?.bytes ?? 0;
  const regexpCode = code.get(REGEXP_CODE)?.bytes ?? 0;
  let allCode = 0;
  for (const v of code.values()) allCode += v.bytes;
  let native = 0;
  for (const i of d.newNodes) if (after.nodeType(i) === 'native') native += after.selfSize[i]!;
  return {
    contentCode,
    regexpCode,
    otherCode: allCode - contentCode - regexpCode,
    data: d.newBytes - allCode - native,
    native,
  };
}
