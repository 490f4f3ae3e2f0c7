import { describe, expect, it } from 'vitest';
import { chooseCharset, declaredCharset, neutraliseRefresh } from '../../scripts/bench/server';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc);

describe('bench server charset', () => {
  it('reads <meta charset> and http-equiv declarations', () => {
    expect(declaredCharset(bytes('<meta charset="ISO-8859-1"><p>x'))).toBe('iso-8859-1');
    expect(
      declaredCharset(
        bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
      ),
    ).toBe('windows-1251');
    expect(declaredCharset(bytes('<p>no declaration</p>'))).toBeNull();
  });

  it('lets the bytes decide for undeclared or falsely UTF-8 pages', () => {
    const cp1252 = Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x68, 0x69, 0x94]); // <p>“hi” in cp1252
    expect(chooseCharset(cp1252)).toBe('windows-1252');
    expect(chooseCharset(Buffer.concat([bytes('<meta charset="utf-8">'), cp1252]))).toBe(
      'windows-1252',
    );
    expect(chooseCharset(bytes('<p>“hi”</p>'))).toBe('utf-8');
    expect(chooseCharset(bytes('<meta charset="koi8-r"><p>x</p>'))).toBe('koi8-r');
  });

  it('renames meta refresh and leaves other pages byte-identical', () => {
    const page = bytes('<meta http-equiv="Refresh" content="0; url=http://x/">');
    expect(neutraliseRefresh(page).toString()).toBe(
      '<meta http-equiv="x-declutter-bench-refresh" content="0; url=http://x/">',
    );
    const plain = bytes('<p>refresh</p>');
    expect(neutraliseRefresh(plain)).toBe(plain);
  });
});
