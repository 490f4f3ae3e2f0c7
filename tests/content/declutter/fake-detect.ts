// A stand-in detector for the controller's tests: it recognises blocks by fixed selectors, so
// these tests exercise hiding, chips and the observer independently of the real rule set.
import { buildTextMap, type ClutterFinding, type ClutterKind } from '../../../src/core';

export const FAKE_RULES: { selector: string; kind: ClutterKind; rule: string }[] = [
  { selector: '#comments', kind: 'comments', rule: 'comments/wordpress' },
  { selector: '#disqus_thread', kind: 'comments', rule: 'comments/disqus' },
  { selector: '.support-box', kind: 'donation', rule: 'donation/support-box' },
  { selector: '.newsletter', kind: 'newsletter', rule: 'newsletter/form' },
];

export function makeFakeDetect(calls: { roots: number | undefined }[] = []) {
  return (doc: Document, roots?: readonly Element[]): ClutterFinding[] => {
    calls.push({ roots: roots?.length });
    const findings: ClutterFinding[] = [];
    for (const { selector, kind, rule } of FAKE_RULES) {
      doc.querySelectorAll(selector).forEach((element, index) => {
        findings.push({
          kind,
          rule,
          selector: index === 0 ? selector : `${selector}:nth-of-type(${index + 1})`,
          text: buildTextMap(element).text.replace(/\s+/g, ' '),
          confidence: 0.95,
        });
      });
    }
    return findings;
  };
}

export const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><title>Test</title></head><body>
<header><h1>Site</h1></header>
<main>
  <article class="post">
    <h1>Taliban And Al Qaeda</h1>
    <div class="entry-content">
      <p>Abu Omar Khorasani was taken from Kabul’s prison.</p>
      <p>“It’s a Catch-22,” said a retired counter-terrorism official.</p>
    </div>
    <div class="support-box"><p>Support our journalism. <a href="https://www.paypal.com/donate">Donate</a></p></div>
    <form class="newsletter"><label>Email <input name="email"></label><button>Subscribe</button></form>
  </article>
  <section id="comments"><h3>12 comments</h3><ol><li>Reader one: “we will win,” he wrote.</li><li>Reader two</li></ol></section>
</main>
<footer>Footer</footer>
</body></html>`;
