import { describe, expect, it } from 'vitest';
import { decodeHtml, metaCharset } from '../../src/cli/decode';

const latin = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('decodeHtml', () => {
  it('follows a byte order mark first', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>é</p>')]);
    expect(decodeHtml(bytes)).toMatchObject({ text: '<p>é</p>', charset: 'utf-8', source: 'bom' });
  });

  it('reads <meta charset> and <meta http-equiv=Content-Type>', () => {
    expect(metaCharset(latin('<meta charset="ISO-8859-1"><p>x'))).toBe('ISO-8859-1');
    expect(
      metaCharset(
        latin('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">'),
      ),
    ).toBe('windows-1252');
    expect(
      metaCharset(latin('<meta name="description" content="charset=koi8-r talk">')),
    ).toBeNull();
  });

  it('decodes windows-1252 punctuation (0x80–0x9F) correctly', () => {
    const bytes = latin('<meta charset="windows-1252"><p>\x93Caf\xe9\x94 \x96 5 \x80</p>');
    expect(decodeHtml(bytes)).toMatchObject({
      text: '<meta charset="windows-1252"><p>“Café” – 5 €</p>',
      charset: 'windows-1252',
      source: 'meta',
    });
  });

  it('treats latin1 labels as windows-1252, as browsers do', () => {
    expect(decodeHtml(latin('<meta charset="iso-8859-1"><p>\x92</p>')).text).toContain('’');
  });

  it('uses other legacy encodings through TextDecoder', () => {
    const bytes = latin('<meta charset="iso-8859-2"><p>\xb1</p>');
    expect(decodeHtml(bytes).text).toContain('ą');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtml(latin('<p>na\xefve \x93quoted\x94</p>'))).toMatchObject({
      text: '<p>naïve “quoted”</p>',
      source: 'fallback',
    });
    expect(decodeHtml(new TextEncoder().encode('<p>naïve</p>'))).toMatchObject({
      text: '<p>naïve</p>',
      source: 'utf-8-valid',
    });
  });

  it('reads a page re-saved as UTF-8 that kept its old meta charset as UTF-8', () => {
    const bytes = new TextEncoder().encode('<meta charset="gb2312"><p>谷歌在2014年收购</p>');
    expect(decodeHtml(bytes)).toMatchObject({
      text: '<meta charset="gb2312"><p>谷歌在2014年收购</p>',
      charset: 'utf-8',
    });
  });

  it('lets a charset given from outside win over the meta tag', () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1252"><p>é</p>');
    expect(decodeHtml(bytes, 'utf-8').text).toContain('<p>é</p>');
  });
});
