// Tells whether the page changed since a moment, ignoring our own insertions (the reading view's
// host, chips, the hiding stylesheet). The reading view's clutter findings locate their elements
// by selector (`:nth-child` paths); they can stand in for a fresh detection only while the page's
// tree is the one they were found in.
import { isOurNode } from '../../ui/declutter/shadow-host';

export interface PageChanges {
  /** True once anything but our own markup was added, removed or edited (id, class, text). */
  changed(): boolean;
  stop(): void;
}

const isOurs = (node: Node): boolean =>
  isOurNode(node) ||
  (node.nodeType === 1 &&
    (node as Element).getAttributeNames().some((name) => name.startsWith('data-declutter')));

export function watchPageChanges(doc: Document): PageChanges {
  const Observer = doc.defaultView?.MutationObserver;
  const root = doc.documentElement;
  // Without an observer nothing can be vouched for: report a change.
  if (!Observer || !root) return { changed: () => true, stop() {} };
  let changed = false;
  const read = (records: MutationRecord[]) => {
    if (changed) return;
    for (const record of records) {
      const ours =
        record.type === 'childList'
          ? [...record.addedNodes, ...record.removedNodes].every(isOurs)
          : isOurNode(record.target);
      if (!ours) {
        changed = true;
        // Nothing more to learn; stop paying for the page's mutations.
        observer.disconnect();
        return;
      }
    }
  };
  const observer = new Observer(read);
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['id', 'class'],
  });
  return {
    changed() {
      // Records not delivered yet (the change happened in this very task) count too.
      if (!changed) read(observer.takeRecords());
      return changed;
    },
    stop: () => observer.disconnect(),
  };
}
