// Whether a sanitised tree has the same canonical text as its HTML parsed again. The reading view
// parses `article.html` and quote offsets index its text, so `article.text` must be the text of
// that parse. Reading it off the sanitised tree itself saves parsing the article a second time,
// and gives the same text unless the tree holds something the HTML parser would not build as it
// stands. Serialising and parsing again can change three things canonical text sees:
//   - a <pre> (or <listing>, <textarea>) whose text starts with a line feed: the parser drops the
//     first line feed after the start tag, and the serialiser does not add one back;
//   - carriage returns in preformatted text, and NULs: the parser turns CR LF and CR into LF,
//     and drops NUL;
//   - content a table cannot hold (text, a <div> in a <tr>): the parser moves it before the table.
// A page's own parser never builds these, but a page's scripts can (the DOM the content script
// reads), and so can the clean-up stages. Other misnesting the parser repairs (a <div> in a <p>,
// an <a> in an <a>, a heading in a heading) moves block edges, not text, and canonical text is the
// same (tests/core/reader/reparse.test.ts).

// The sanitiser has removed <textarea>, <script>, <style> and <template> already.
const PREFORMATTED = 'pre, listing';

/**
 * "parent child" pairs the parser keeps in a table (a cell straight in a <table> gets the row
 * and section it implies, which adds no text); any other child is moved out before the table.
 */
const TABLE_CHILD =
  /^(?:table (?:caption|colgroup|col|thead|tbody|tfoot|tr|td|th)|t(?:head|body|foot) (?:tr|td|th)|tr t[dh]|colgroup col)$/;

function tableHoldsStrayContent(body: Element): boolean {
  for (const part of body.querySelectorAll('table, thead, tbody, tfoot, tr, colgroup')) {
    for (let child = part.firstChild; child; child = child.nextSibling) {
      if (
        child.nodeType === 3
          ? /[^ \t\n\f\r]/.test(child.nodeValue ?? '')
          : child.nodeType === 1 &&
            !TABLE_CHILD.test(`${part.localName} ${(child as Element).localName}`)
      )
        return true;
    }
  }
  return false;
}

/**
 * A preformatted block the parser would change: a first line feed it drops, or carriage returns
 * (kept as line feeds in canonical text, one for one, where the parser makes CR LF one).
 */
function preformattedChanges(body: Element): boolean {
  for (const element of body.querySelectorAll(PREFORMATTED)) {
    const first = element.firstChild;
    if (first?.nodeType === 3 && first.nodeValue?.startsWith('\n')) return true;
    if (element.textContent?.includes('\r')) return true;
  }
  return false;
}

/**
 * True when `text`, the canonical text of the sanitised tree `body`, is also the canonical text of
 * `body.innerHTML` parsed as the view parses it. False means: parse the HTML and read that.
 */
export function textSurvivesReparse(body: Element, text: string): boolean {
  // Outside preformatted blocks a carriage return is white space like the line feed it becomes;
  // a NUL stays in canonical text, and the parser drops it.
  return !text.includes('\0') && !preformattedChanges(body) && !tableHoldsStrayContent(body);
}
