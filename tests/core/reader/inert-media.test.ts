// Media elements as stand-ins (src/core/reader/inert-media.ts): the pipeline must never leave a
// real <video>, <audio> or <source media> in a document it creates and drops (Chromium keeps such
// a document alive), and the reading view must still get the media. The memory effect itself
// is measured in Chromium by `npm run bench -- --only heap`; here, the mechanism.
import { describe, expect, it, vi } from 'vitest';
import {
  MEDIA_STAND_IN,
  hideMedia,
  releaseMedia,
  restoreMedia,
} from '../../../src/core/reader/inert-media';
import { analyzePage } from '../../../src/core/analyze';
import { articlePage, pageDocument } from './helpers';

const MEDIA = `<figure><video src="/v/clip.mp4" poster="/v/poster.jpg" width="640" class="player" autoplay>
  <source src="/v/clip.webm" type="video/webm" media="(min-width: 600px)">
  <track kind="captions" src="/v/en.vtt" srclang="en" default>Your browser cannot play this clip.</video>
  <figcaption>The clip</figcaption></figure>
<p>Listen: <audio controls src="/a/interview.mp3">The interview</audio></p>
<picture><source srcset="/i/wide.jpg" media="(min-width: 900px)"><source srcset="/i/any.webp" type="image/webp"><img src="/i/small.jpg" alt="A harbour"></picture>`;

describe('hideMedia / restoreMedia / releaseMedia', () => {
  it('replaces video, audio and source[media] with stand-ins that keep attributes and children', () => {
    const doc = pageDocument(`<!doctype html><body>${MEDIA}</body>`);
    const originals = Array.from(doc.querySelectorAll('video, audio, source[media]'));
    expect(originals).toHaveLength(4);

    expect(hideMedia(doc)).toBe(4);
    expect(doc.querySelectorAll('video, audio, source[media]')).toHaveLength(0);
    // The originals have left the tree: nothing holds them any more.
    for (const element of originals) expect(element.parentNode).toBeNull();
    const standIns = Array.from(doc.querySelectorAll(MEDIA_STAND_IN));
    expect(standIns.map((el) => el.getAttribute('data-declutter-media'))).toEqual([
      'video',
      'source',
      'audio',
      'source',
    ]);
    expect(standIns[0]?.getAttribute('poster')).toBe('/v/poster.jpg');
    expect(standIns[0]?.textContent).toContain('Your browser cannot play this clip.');
    // A picture source without a media query does not pin its document: left as it is.
    expect(doc.querySelector('picture > source[type="image/webp"]')).not.toBeNull();
  });

  it('restores the same markup', () => {
    const doc = pageDocument(`<!doctype html><body>${MEDIA}</body>`);
    const before = doc.body.innerHTML;
    hideMedia(doc);
    expect(doc.body.innerHTML).not.toBe(before);
    restoreMedia(doc.body);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('restores only what a stand-in may stand for', () => {
    const doc = pageDocument(
      `<!doctype html><body><declutter-media data-declutter-media="script">x</declutter-media></body>`,
    );
    restoreMedia(doc.body);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector(MEDIA_STAND_IN)).not.toBeNull();
  });

  it('releases every media element from its parent, nested ones included', () => {
    const doc = pageDocument(`<!doctype html><body>${MEDIA}</body>`);
    const held = Array.from(doc.querySelectorAll('video, audio, source[media]'));
    releaseMedia(doc.body);
    for (const element of held) expect(element.parentNode).toBeNull();
    expect(doc.querySelector('img')).not.toBeNull();
  });
});

describe('analyzePage with media in the article', () => {
  it('keeps video and audio in the view, sanitised, with controls and preload none', () => {
    const doc = pageDocument(articlePage(MEDIA));
    const { article } = analyzePage(doc);
    const html = article?.html ?? '';
    expect(html).not.toContain(MEDIA_STAND_IN);
    expect(html).not.toContain('data-declutter-media');
    const view = pageDocument(`<!doctype html><body>${html}</body>`);
    const video = view.querySelector('video');
    expect(video?.getAttribute('src')).toBe('https://news.example.org/v/clip.mp4');
    expect(video?.getAttribute('poster')).toBe('https://news.example.org/v/poster.jpg');
    expect(video?.getAttribute('preload')).toBe('none');
    expect(video?.hasAttribute('controls')).toBe(true);
    expect(video?.hasAttribute('autoplay')).toBe(false);
    expect(video?.querySelector('source[media]')?.getAttribute('src')).toBe(
      'https://news.example.org/v/clip.webm',
    );
    expect(video?.querySelector('track')?.getAttribute('src')).toBe(
      'https://news.example.org/v/en.vtt',
    );
    // A default track would load its captions as soon as the view shows the video.
    expect(video?.querySelector('track')?.hasAttribute('default')).toBe(false);
    const audio = view.querySelector('audio');
    expect(audio?.getAttribute('preload')).toBe('none');
    expect(audio?.getAttribute('src')).toBe('https://news.example.org/a/interview.mp3');
    expect(view.querySelector('picture > source[media]')?.getAttribute('srcset')).toBe(
      'https://news.example.org/i/wide.jpg',
    );
  });

  it('never writes media stand-ins into the input document', () => {
    const doc = pageDocument(articlePage(MEDIA));
    const before = doc.documentElement.outerHTML;
    analyzePage(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['read off the sanitised tree', false, 2],
    ['parsed again (a tree the parser would rebuild)', true, 3],
  ])(
    'leaves no media element attached in the documents it creates: text %s',
    (_, rebuilt, made) => {
      // Every document the pipeline makes, seen through the constructors it uses: afterwards, none
      // may still hold a video, audio or source[media] in a parent.
      const doc = pageDocument(articlePage(MEDIA));
      // A script-built code block starting with a line feed: the article's HTML is parsed again.
      if (rebuilt)
        doc
          .querySelector('article p')
          ?.after(Object.assign(doc.createElement('pre'), { textContent: '\n\nx = 1' }));
      const view = doc.defaultView as Window & typeof globalThis;
      const created: Document[] = [];
      const parse = view.DOMParser.prototype.parseFromString;
      const spyParse = vi
        .spyOn(view.DOMParser.prototype, 'parseFromString')
        .mockImplementation(function (this: DOMParser, ...args) {
          const made = parse.apply(this, args);
          created.push(made);
          return made;
        });
      const createDocument = doc.implementation.createHTMLDocument;
      const spyCreate = vi
        .spyOn(doc.implementation, 'createHTMLDocument')
        .mockImplementation(function (this: DOMImplementation, ...args) {
          const made = createDocument.apply(this, args);
          created.push(made);
          return made;
        });
      const cloneNode = view.Document.prototype.cloneNode;
      const spyClone = vi.spyOn(view.Document.prototype, 'cloneNode').mockImplementation(function (
        this: Document,
        ...args
      ) {
        const made = cloneNode.apply(this, args) as Document;
        created.push(made);
        return made;
      });
      try {
        const { article } = analyzePage(doc);
        expect(article?.html).toContain('<video');
      } finally {
        spyParse.mockRestore();
        spyCreate.mockRestore();
        spyClone.mockRestore();
      }
      // The clone and DOMPurify's document at least, and the parsed article when parsed again.
      expect(created.length).toBeGreaterThanOrEqual(made);
      for (const made of created) {
        expect(made.querySelectorAll('video, audio, source[media]')).toHaveLength(0);
      }
    },
  );
});
