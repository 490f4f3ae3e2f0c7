// Human words for clutter kinds and rule ids, shared by the chips, the hidden panel and the toolbar.
import type { ClutterKind } from '../../core';

export const KIND_LABELS: Record<ClutterKind, { group: string; chip: string; noun: string }> = {
  comments: { group: 'Comments', chip: 'Comments', noun: 'comments' },
  donation: { group: 'Donation asks', chip: 'Donation ask', noun: 'donation ask' },
  newsletter: { group: 'Newsletter', chip: 'Newsletter box', noun: 'newsletter box' },
  social: { group: 'Share buttons', chip: 'Share buttons', noun: 'share buttons' },
};

/** Product names whose spelling a slug cannot recover ("wpdiscuz" → "wpDiscuz"). */
const PLATFORM_NAMES: Record<string, string> = {
  wordpress: 'WordPress',
  wpdiscuz: 'wpDiscuz',
  disqus: 'Disqus',
  facebook: 'Facebook',
  coral: 'Coral',
  openweb: 'OpenWeb',
  spotim: 'OpenWeb (Spot.IM)',
  viafoura: 'Viafoura',
  hyvor: 'Hyvor Talk',
  'hyvor-talk': 'Hyvor Talk',
  commento: 'Commento',
  isso: 'Isso',
  utterances: 'utterances',
  giscus: 'giscus',
  livefyre: 'Livefyre',
  vuukle: 'Vuukle',
  insticator: 'Insticator',
  discourse: 'Discourse',
  ghost: 'Ghost',
  intensedebate: 'IntenseDebate',
  remark42: 'Remark42',
  cusdis: 'Cusdis',
  jetpack: 'Jetpack',
  blogger: 'Blogger',
  drupal: 'Drupal',
  typepad: 'Typepad',
  movabletype: 'Movable Type',
  substack: 'Substack',
  givewp: 'GiveWP',
  patreon: 'Patreon',
  kofi: 'Ko-fi',
  'ko-fi': 'Ko-fi',
  buymeacoffee: 'Buy Me a Coffee',
  bmc: 'Buy Me a Coffee',
  paypal: 'PayPal',
  liberapay: 'Liberapay',
  opencollective: 'Open Collective',
  donorbox: 'Donorbox',
  fundraiseup: 'Fundraise Up',
  steady: 'Steady',
  wikipedia: 'Wikipedia banner',
  generic: 'Generic pattern',
};

/** "comments/wpdiscuz" → "wpDiscuz"; "donation/goal-bar" → "Goal bar". The id is shown beside it. */
export function ruleLabel(rule: string): string {
  const slug = (rule.split('/').pop() ?? rule).toLowerCase();
  const known = PLATFORM_NAMES[slug] ?? PLATFORM_NAMES[slug.replace(/-/g, '')];
  if (known) return known;
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : rule;
}

/** First ~`max` characters of a finding's text, cut at a word boundary. */
export function preview(text: string, max = 120): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
