// "Declutter page" from the open reading view reuses the view's findings: only the kinds the view
// did not look for are detected again, and only while the page is the one the view analysed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPageDeclutter,
  HIDDEN_ATTRIBUTE,
  type PageDeclutter,
} from '../../../src/content/declutter/page-declutter';
import { watchPageChanges } from '../../../src/content/reader/page-changes';
import type { ClutterFinding, ClutterKind } from '../../../src/core';
import { ARTICLE_PAGE, makeFakeDetect } from './fake-detect';

function loadPage(html = ARTICLE_PAGE) {
  document.open();
  document.write(html);
  document.close();
}

/** The fake detector, recording which kinds each call asked for. */
function recordingDetect() {
  const fake = makeFakeDetect();
  const asked: Array<readonly ClutterKind[] | 'all'> = [];
  const detect = (doc: Document, roots?: readonly Element[], kinds?: readonly ClutterKind[]) => {
    asked.push(kinds ?? 'all');
    return fake(doc, roots).filter((f) => !kinds || kinds.includes(f.kind));
  };
  return { detect, asked };
}

describe("enable with the view's findings", () => {
  let declutter: PageDeclutter;
  beforeEach(() => loadPage());
  afterEach(() => declutter?.destroy());

  it('takes the known kinds from the view and detects only the others', () => {
    const { detect, asked } = recordingDetect();
    const viewFindings = makeFakeDetect()(document).filter((f) =>
      ['comments', 'donation'].includes(f.kind),
    );
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation'],
      detect,
      observe: false,
    });
    declutter.enable(undefined, { kinds: ['comments', 'donation'], findings: viewFindings });
    expect(asked).toEqual([['newsletter', 'social']]);
    expect(document.querySelector('#comments')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('comments');
    expect(document.querySelector('.support-box')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('donation');
    // The kinds it detected itself are there when switched on, with no new run.
    declutter.setKinds(['comments', 'donation', 'newsletter']);
    expect(document.querySelector('.newsletter')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe(
      'newsletter',
    );
    expect(asked).toHaveLength(1);
  });

  it('gives the same items as a full detection', () => {
    const full = createPageDeclutter(document, {
      kinds: ['comments', 'donation', 'newsletter'],
      detect: recordingDetect().detect,
      observe: false,
    });
    const expected = full.enable().map((i) => [i.finding.rule, i.element]);
    full.destroy();
    const known: ClutterFinding[] = makeFakeDetect()(document).filter((f) => f.kind === 'comments');
    declutter = createPageDeclutter(document, {
      kinds: ['comments', 'donation', 'newsletter'],
      detect: recordingDetect().detect,
      observe: false,
    });
    const got = declutter.enable(undefined, { kinds: ['comments'], findings: known });
    expect(got.map((i) => [i.finding.rule, i.element])).toEqual(expected);
  });

  it('detects everything when nothing is known', () => {
    const { detect, asked } = recordingDetect();
    declutter = createPageDeclutter(document, { kinds: ['comments'], detect, observe: false });
    declutter.enable(undefined, null);
    expect(asked).toEqual(['all']);
  });
});

describe('watchPageChanges', () => {
  beforeEach(() => loadPage());

  it('ignores our own hosts and stylesheet, and sees the page change', () => {
    const changes = watchPageChanges(document);
    const host = document.createElement('declutter-ui');
    host.setAttribute('data-declutter-root', 'reader');
    document.documentElement.append(host);
    const style = document.createElement('style');
    style.setAttribute('data-declutter-style', '');
    document.documentElement.append(style);
    document.body.style.setProperty('overflow', 'hidden');
    document.querySelector('#comments')!.setAttribute(HIDDEN_ATTRIBUTE, 'comments');
    expect(changes.changed()).toBe(false);
    host.remove();
    style.remove();
    expect(changes.changed()).toBe(false);
    document.querySelector('article')!.append(document.createElement('div'));
    expect(changes.changed()).toBe(true);
    changes.stop();
  });

  it('counts a class change and a text edit as changes', () => {
    const a = watchPageChanges(document);
    document.querySelector('main')!.classList.add('loaded');
    expect(a.changed()).toBe(true);
    a.stop();
    const b = watchPageChanges(document);
    (document.querySelector('article p')!.firstChild as Text).data = 'Edited';
    expect(b.changed()).toBe(true);
    b.stop();
  });
});
