// Every clutter rule, in two lists by who needs it. A rule not listed here does not run; the
// meta-test in tests/clutter/registry.test.ts checks every listed rule has positive and negative
// fixtures.
//
// READER_RULES are the kinds the reading view hides unless told otherwise (comments, donation
// asks): content.js bundles them. OPT_IN_RULES are the kinds a user has to switch on (newsletter
// boxes, share bars): most users never run them, so content.js leaves them out and the declutter.js
// feature script brings them (src/content/features/declutter.ts). Both lists are plain literals,
// so a bundle that uses only READER_RULES drops OPT_IN_RULES and its rules. CLUTTER_RULES, the two
// together, lives in ./all-rules.ts: building it is code that runs, and in this module it would
// keep every rule in every bundle that uses either list.
import type { ClutterRule } from './rule';
import { blogger } from './rules/comments/blogger';
import { commento } from './rules/comments/commento';
import { coral } from './rules/comments/coral';
import { cusdis } from './rules/comments/cusdis';
import { discourse } from './rules/comments/discourse';
import { disqus } from './rules/comments/disqus';
import { drupal } from './rules/comments/drupal';
import { facebook } from './rules/comments/facebook';
import { genericThread } from './rules/comments/generic-thread';
import { ghost } from './rules/comments/ghost';
import { giscus } from './rules/comments/giscus';
import { hyvorTalk } from './rules/comments/hyvor-talk';
import { insticator } from './rules/comments/insticator';
import { intensedebate } from './rules/comments/intensedebate';
import { isso } from './rules/comments/isso';
import { jetpack } from './rules/comments/jetpack';
import { livefyre } from './rules/comments/livefyre';
import { movabletype } from './rules/comments/movabletype';
import { openweb } from './rules/comments/openweb';
import { remark42 } from './rules/comments/remark42';
import { replyForm } from './rules/comments/reply-form';
import { sectionId } from './rules/comments/section-id';
import { substack } from './rules/comments/substack';
import { utterances } from './rules/comments/utterances';
import { viafoura } from './rules/comments/viafoura';
import { vuukle } from './rules/comments/vuukle';
import { wordpress } from './rules/comments/wordpress';
import { wpdiscuz } from './rules/comments/wpdiscuz';
import { buyMeACoffee } from './rules/donation/buy-me-a-coffee';
import { centralNotice } from './rules/donation/centralnotice';
import { donorbox } from './rules/donation/donorbox';
import { fundraiseUp } from './rules/donation/fundraise-up';
import { givewp } from './rules/donation/givewp';
import { goalProgress } from './rules/donation/goal-progress';
import { jetpackDonations } from './rules/donation/jetpack-donations';
import { kofi } from './rules/donation/ko-fi';
import { liberapay } from './rules/donation/liberapay';
import { openCollective } from './rules/donation/open-collective';
import { patreon } from './rules/donation/patreon';
import { paypal } from './rules/donation/paypal';
import { steady } from './rules/donation/steady';
import { supportBox } from './rules/donation/support-box';
import { convertkit } from './rules/newsletter/convertkit';
import { emailSignup } from './rules/newsletter/email-signup';
import { mailchimp } from './rules/newsletter/mailchimp';
import { substackSignup } from './rules/newsletter/substack';
import { addthis } from './rules/social/addthis';
import { addtoany } from './rules/social/addtoany';
import { shareLinks } from './rules/social/share-links';
import { sharethis } from './rules/social/sharethis';

export const READER_RULES: readonly ClutterRule[] = [
  blogger,
  commento,
  coral,
  cusdis,
  discourse,
  disqus,
  drupal,
  facebook,
  genericThread,
  ghost,
  giscus,
  hyvorTalk,
  insticator,
  intensedebate,
  isso,
  jetpack,
  livefyre,
  movabletype,
  openweb,
  remark42,
  replyForm,
  sectionId,
  substack,
  utterances,
  viafoura,
  vuukle,
  wordpress,
  wpdiscuz,
  buyMeACoffee,
  centralNotice,
  donorbox,
  fundraiseUp,
  givewp,
  goalProgress,
  jetpackDonations,
  kofi,
  liberapay,
  openCollective,
  patreon,
  paypal,
  steady,
  supportBox,
];

export const OPT_IN_RULES: readonly ClutterRule[] = [
  convertkit,
  emailSignup,
  mailchimp,
  substackSignup,
  addthis,
  addtoany,
  shareLinks,
  sharethis,
];
