// A Disqus-style comment thread of about `target` elements, built with DOM calls (no markup
// strings), for the observer benchmark and the demo harness.
export function buildLateThread(
  doc: Document,
  target: number,
): { root: HTMLElement; elements: number } {
  const root = doc.createElement('div');
  root.id = 'disqus_thread';
  let elements = 1;
  const add = <K extends keyof HTMLElementTagNameMap>(
    parent: Element,
    tag: K,
    className?: string,
    text?: string,
  ) => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    parent.append(el);
    elements++;
    return el;
  };
  const list = add(root, 'ul', 'post-list');
  for (let i = 0; elements < target; i++) {
    const li = add(list, 'li', 'post');
    const body = add(li, 'div', 'post-content');
    const header = add(body, 'header', 'post-header');
    add(header, 'span', 'author', `Reader ${i}`);
    add(header, 'time', 'post-meta', `${(i % 23) + 1} hours ago`);
    add(
      body,
      'p',
      'post-message',
      `Comment number ${i}: I think the article makes a fair point about the region.`,
    );
    const footer = add(body, 'footer', 'post-menu');
    add(footer, 'a', 'vote-up', 'Upvote');
    add(footer, 'a', 'reply', 'Reply');
  }
  // Moving the items back out keeps `root` as a container the caller can fill step by step.
  return { root, elements };
}
