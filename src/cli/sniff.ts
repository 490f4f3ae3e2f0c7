// Is this input an HTML page at all? Saved pages are sometimes PDFs, images or JSON by mistake,
// and a DOM parser accepts anything; say so instead of printing an empty article.

const MAGIC: Array<[bytes: number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (WebP image or audio)'],
];

/** Why `bytes` is not an HTML page, or null when it may be one. */
export function notHtmlReason(bytes: Uint8Array, text: string): string | null {
  for (const [magic, what] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte)) return `it is ${what}`;
  }
  const head = bytes.subarray(0, 4096);
  if (head.includes(0) && !isUtf16(bytes)) return 'it is a binary file';
  const start = text.slice(0, 4096).trimStart();
  if (/^[{[]/.test(start) && !/<[a-z!]/i.test(start)) return 'it looks like JSON';
  if (/^<\?xml/i.test(start) && !/<html[\s>]/i.test(text.slice(0, 65536))) {
    return 'it is an XML document, not an HTML page';
  }
  if (
    !/<(?:!doctype\s+html|html|head|body|p|div|article|main|h[1-6]|table|span|a|section)[\s>]/i.test(
      text,
    )
  ) {
    return 'it has no HTML tags (use --text for plain text)';
  }
  return null;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
