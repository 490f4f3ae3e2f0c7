// Embedded frames (videos, posts, maps, charts) never run inside the reading view: each becomes an
// inert link that opens the embed in a new tab, labelled with what it is and where it comes from.

type EmbedKind = 'video' | 'audio' | 'post' | 'map' | 'chart' | 'content';

/** Hosts (regex sources, matched at a label boundary) whose embeds belong to an article. */
const HOSTS_BY_KIND: Array<[kind: EmbedKind, hosts: string[]]> = [
  [
    'video',
    [
      'youtube(?:-nocookie)?\\.com',
      'youtu\\.be',
      'vimeo\\.com',
      'dailymotion\\.com',
      'twitch\\.tv',
      'rumble\\.com',
      'bitchute\\.com',
      'tiktok\\.com',
      'ted\\.com',
      'wistia\\.(?:com|net)',
      'brightcove\\.net',
      'jwplayer\\.com',
      'jwplatform\\.com',
      'streamable\\.com',
      'odysee\\.com',
      'bilibili\\.com',
      'vk\\.com',
      'rutube\\.ru',
      'wikimedia\\.org',
      'archive\\.org',
    ],
  ],
  [
    'audio',
    [
      'soundcloud\\.com',
      'spotify\\.com',
      'podbean\\.com',
      'anchor\\.fm',
      'simplecast\\.com',
      'megaphone\\.fm',
      'bandcamp\\.com',
      'mixcloud\\.com',
      'audioboom\\.com',
      'buzzsprout\\.com',
    ],
  ],
  [
    'post',
    [
      'twitter\\.com',
      'x\\.com',
      'instagram\\.com',
      'threads\\.net',
      'bsky\\.app',
      'reddit\\.com',
      'redditmedia\\.com',
      'linkedin\\.com',
      'tumblr\\.com',
      't\\.me',
    ],
  ],
  ['map', ['openstreetmap\\.org', 'mapbox\\.com']],
  [
    'chart',
    [
      'datawrapper\\.de',
      'dwcdn\\.net',
      'flourish\\.studio',
      'infogram\\.com',
      'plot\\.ly',
      'observablehq\\.com',
      'public\\.tableau\\.com',
    ],
  ],
];

/** Embeds recognised by host and path: the same hosts also serve comment and like widgets. */
const PATH_EMBEDS = ['google\\.[a-z.]+/maps', 'facebook\\.com/plugins/(?:post|video)\\.php'];

const KIND_BY_HOST: Array<[pattern: RegExp, kind: EmbedKind]> = HOSTS_BY_KIND.map(
  ([kind, hosts]) => [new RegExp(`(?:^|\\.)(?:${hosts.join('|')})$`, 'i'), kind],
);

/**
 * Matches an attribute value pointing at a known content host. Readability keeps iframes whose
 * attributes match its `allowedVideoRegex`; giving it this one keeps posts, charts and maps too,
 * together with their wrappers, until they are turned into links after extraction.
 */
export const CONTENT_EMBED_URL = new RegExp(
  `//(?:[\\w-]+\\.)*(?:(?:${HOSTS_BY_KIND.flatMap(([, hosts]) => hosts).join('|')})(?=[/:?#]|$)|${PATH_EMBEDS.join('|')})`,
  'i',
);

const LABEL: Record<EmbedKind, string> = {
  video: 'Open embedded video',
  audio: 'Open embedded audio',
  post: 'Open embedded post',
  map: 'Open embedded map',
  chart: 'Open embedded chart',
  content: 'Open embedded content',
};

function embedKind(url: URL): EmbedKind {
  if (/(?:^|\.)google\.[a-z.]+$/i.test(url.hostname) && url.pathname.startsWith('/maps')) {
    return 'map';
  }
  if (/(?:^|\.)facebook\.com$/i.test(url.hostname)) {
    if (url.pathname.startsWith('/plugins/video')) return 'video';
    if (url.pathname.startsWith('/plugins/post')) return 'post';
    return 'content';
  }
  for (const [pattern, kind] of KIND_BY_HOST) if (pattern.test(url.hostname)) return kind;
  return 'content';
}

function parseUrl(src: string | null, base: string | null): URL | null {
  if (!src) return null;
  try {
    const url = base ? new URL(src, base) : new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A friendlier link target for players that have a watch page. */
function openUrl(url: URL): string {
  const youtube = /(?:^|\.)youtube(?:-nocookie)?\.com$/i.test(url.hostname)
    ? /^\/embed\/([\w-]{6,})/.exec(url.pathname)
    : null;
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = url.hostname === 'player.vimeo.com' ? /^\/video\/(\d+)/.exec(url.pathname) : null;
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return url.href;
}

function displayHost(url: URL): string {
  return url.hostname.replace(/^(?:www|m|player|embed|w)\./i, '');
}

function embedSource(element: Element): string | null {
  switch (element.localName) {
    case 'iframe':
    case 'embed':
    case 'frame':
      return element.getAttribute('src') ?? element.getAttribute('data-src');
    case 'object':
      return element.getAttribute('data');
    default:
      return null;
  }
}

/**
 * Replaces `element` (an iframe, embed, object) with a paragraph holding an inert link, or removes
 * it when it has no web address to open.
 */
export function replaceEmbed(element: Element, base: string | null): void {
  const url = parseUrl(embedSource(element), base);
  if (!url) {
    element.remove();
    return;
  }
  const kind = embedKind(url);
  const doc = element.ownerDocument;
  const paragraph = doc.createElement('p');
  paragraph.setAttribute('data-declutter-embed', kind);
  const link = doc.createElement('a');
  link.setAttribute('href', openUrl(url));
  const title = element.getAttribute('title')?.trim();
  if (title) link.setAttribute('title', title);
  link.textContent = `${LABEL[kind]} (${displayHost(url)})`;
  paragraph.appendChild(link);
  // A paragraph cannot sit inside another paragraph or inline element: put a span there instead.
  const parent = element.parentElement;
  if (parent && !canHoldBlock(parent)) {
    const span = doc.createElement('span');
    span.setAttribute('data-declutter-embed', kind);
    span.appendChild(link);
    element.replaceWith(span);
  } else {
    element.replaceWith(paragraph);
  }
}

const BLOCK_CONTAINERS = new Set([
  'body',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'figure',
  'blockquote',
  'li',
  'td',
  'th',
  'dd',
  'header',
  'footer',
  'details',
]);

function canHoldBlock(element: Element): boolean {
  return BLOCK_CONTAINERS.has(element.localName);
}

/** Replaces every embed under `root` with its inert link. */
export function replaceEmbeds(root: ParentNode, base: string | null): void {
  for (const element of Array.from(root.querySelectorAll('iframe, embed, object, frame'))) {
    // An embed inside an object went away with the object.
    if (!(root as Node).contains(element)) continue;
    replaceEmbed(element, base);
  }
}
