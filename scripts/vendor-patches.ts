// A Vite plugin that rewrites the few innerHTML assignments in bundled third-party code into plain
// DOM operations, so the extension has no HTML-string sink outside src/ui/dom/safe-html.ts and
// `web-ext lint` has nothing to warn about. These are real changes, not a way around the linter:
// each replacement does the same job without turning a string back into markup (and is cheaper).
//
// Every patch matches an exact piece of the library's source. If the text is not found (the
// library was upgraded and changed), the BUILD FAILS with the patch's name: an upgrade can never
// silently ship the unpatched code. Update the patch against the new source, then rerun
// tests/build/vendor-patches.test.ts, which compares patched and unpatched output on our fixtures.
// The last patch is about memory, not markup: DOMPurify builds no default instance nobody uses.
import type { Plugin } from 'vite';

export interface VendorPatch {
  name: string;
  /** Matches the module id (resolved file path) the patch applies to. */
  file: RegExp;
  /** Exact source text, and what replaces it. Each must occur exactly `count` times (default 1). */
  replacements: Array<{ find: string; replace: string; count?: number }>;
}

export const VENDOR_PATCHES: VendorPatch[] = [
  {
    // Readability keeps a copy of the page to start again with looser flags when an attempt finds
    // too little text. Upstream it keeps an HTML string (page.innerHTML) and re-parses it on each
    // retry; a cloned subtree restored with replaceChildren gives the page the same nodes back
    // without serialising and parsing the whole body.
    //
    // Most pages never retry, so that copy of the whole body is usually thrown away. A caller
    // that can make the page again (the core: it holds the original document) passes
    // `refillPage`, which returns a new body as Readability was given it; Readability's own
    // preparation (noscript images, scripts, styles, <br> runs, <font>) is then run on it again,
    // which leaves the page exactly as the copy would have. Without the option, the copy.
    name: 'readability: page cache as a cloned node',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: '  this._disableJSONLD = !!options.disableJSONLD;',
        replace:
          '  this._disableJSONLD = !!options.disableJSONLD;\n  this._refillPage = options.refillPage || null;',
      },
      {
        find: 'var pageCacheHtml = page.innerHTML;',
        replace: 'var pageCache = this._refillPage ? null : page.cloneNode(true);',
      },
      {
        find: 'page.innerHTML = pageCacheHtml;',
        replace:
          'if (pageCache) page.replaceChildren(...pageCache.cloneNode(true).childNodes);\n' +
          '        else {\n' +
          '          page.replaceChildren(...this._refillPage().childNodes);\n' +
          '          this._unwrapNoscriptImages(this._doc);\n' +
          '          this._removeScripts(this._doc);\n' +
          '          this._prepDocument();\n' +
          '        }',
      },
    ],
  },
  {
    // Unwrapping <noscript><img></noscript>: _isSingleImage has just checked that the noscript
    // holds element children (one chain of single elements down to an <img>, no text), so
    // serialising them and parsing the string again only makes copies of those nodes.
    // cloneNode makes the same copies directly.
    name: 'readability: noscript image copied as nodes',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: 'tmp.innerHTML = noscript.innerHTML;',
        replace:
          'tmp.append(...Array.from(noscript.childNodes, (child) => child.cloneNode(true)));',
      },
    ],
  },
  {
    // Readability logs through this.log, a no-op unless options.debug (never set by us). One call
    // still builds its message first: `"Grabbed: " + articleContent.innerHTML` serialises the
    // whole extracted article on every parse, only to throw the string away. The debug-only
    // branches (a node printer, four innerHTML dumps) become dead code the minifier drops.
    name: 'readability: no debug logging',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      { find: 'this.log("Grabbed: " + articleContent.innerHTML);', replace: '' },
      { find: 'if (this._debug) {', replace: 'if (false) {', count: 4 },
      { find: 'this.log(', replace: '/* @__PURE__ */ this.log(', count: 23 },
    ],
  },
  {
    // _cleanConditionally explains each check that fails in a message (a template string built
    // with the numbers it compared) that only its debug log prints; the decision reads nothing
    // but how many failed. An entry without the message: 0.5 KB less content.js, same answers.
    name: 'readability: failed clean-up checks counted, not described',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `errs.push(\`Bad p to img ratio (img=\${img}, p=\${p})\`);`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(\`Too many li's outside of a list. (li=\${li} > p=\${p})\`);`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(\`Too many inputs per p. (input=\${input}, p=\${p})\`);`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(
              \`Suspiciously short. (headingDensity=\${headingDensity}, img=\${img}, linkDensity=\${linkDensity})\`
            );`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(
              \`Low weight and a little linky. (linkDensity=\${linkDensity})\`
            );`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(
              \`High weight and mostly links. (linkDensity=\${linkDensity})\`
            );`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(
              \`Suspicious embed. (embedCount=\${embedCount}, contentLength=\${contentLength})\`
            );`,
        replace: 'errs.push(0);',
      },
      {
        find: `errs.push(
              \`No useful content. (img=\${img}, textDensity=\${textDensity})\`
            );`,
        replace: 'errs.push(0);',
      },
    ],
  },
  {
    // Speed, with the same answers (patches 1 to 5 and the readerable one after them).
    // Readability does some work for nearly every element of the page while it walks it:
    // reading an element's whole text (textContent), so a wrapper holding the whole page is read
    // once for each element above the article, or building its inline style declaration. Each
    // replacement gives exactly the value of the expression it replaces; the benchmark checks the
    // output is identical to the published package on every corpus page
    // (scripts/bench/in-page.ts), and tests/build/vendor-patches.test.ts on our fixtures and on
    // pages made for the patches.
    //
    // 1. A byline candidate's text length is only needed once its rel, itemprop or class/id says
    //    "author": read it after that test, not before, for every element.
    name: 'readability: byline text read only for byline candidates',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `    var bylineLength = node.textContent.trim().length;

    return (
      (rel === "author" ||
        (itemprop && itemprop.includes("author")) ||
        this.REGEXPS.byline.test(matchString)) &&
      !!bylineLength &&
      bylineLength < 100
    );`,
        replace: `    if (
      !(
        rel === "author" ||
        (itemprop && itemprop.includes("author")) ||
        this.REGEXPS.byline.test(matchString)
      )
    ) {
      return false;
    }
    var bylineLength = node.textContent.trim().length;
    return !!bylineLength && bylineLength < 100;`,
      },
    ],
  },
  {
    // 2. An element's inline display and visibility are empty unless it has a style attribute
    //    (the inline declaration and the attribute mirror each other). Asking node.style makes
    //    the browser build a style declaration object for every element of the page; the
    //    attribute test answers for the elements that have none.
    name: 'readability: inline style read only where there is a style attribute',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `      (!node.style || node.style.display != "none") &&
      (!node.style || node.style.visibility != "hidden") &&`,
        replace: `      (!node.style ||
        !node.hasAttribute("style") ||
        (node.style.display != "none" && node.style.visibility != "hidden")) &&`,
      },
    ],
  },
  {
    // 3. "Has this element any text?" (a non-white-space character anywhere in it) stops at
    //    the first text node that has one, instead of joining the text of the whole subtree:
    //    the same answer, since text made of white-space pieces is white space, and any piece
    //    with a character keeps it in the whole (trim() is the test either way). Text and
    //    CDATA nodes are what textContent joins.
    name: 'readability: empty-element test stops at the first text',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `      node.nodeType === this.ELEMENT_NODE &&
      !node.textContent.trim().length &&`,
        replace: `      node.nodeType === this.ELEMENT_NODE &&
      !this._holdsText(node) &&`,
      },
      {
        find: `  _isElementWithoutContent(node) {`,
        replace: `  _holdsText(node) {
    var walker = node.ownerDocument.createTreeWalker(node, 4 | 8);
    while (walker.nextNode()) {
      if (walker.currentNode.data.trim().length) {
        return true;
      }
    }
    return false;
  },

  _isElementWithoutContent(node) {`,
      },
    ],
  },
  {
    // 4. Most elements have no attribute at all, and then none of the visibility tests
    //    (style, hidden, aria-hidden) can hide them: one call answers for them.
    name: 'readability: visibility tests skipped for elements without attributes',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `    // Have to null-check node.style and node.className.includes to deal with SVG and MathML nodes.
    return (`,
        replace: `    // Have to null-check node.style and node.className.includes to deal with SVG and MathML nodes.
    return !node.hasAttributes() || (`,
      },
    ],
  },
  {
    // 5. Scoring the candidates asks each one's link density: the text length of every link in
    //    it, so a link is measured again for each of the up to five ancestors above a paragraph
    //    that are candidates. The DOM does not change during that loop, so each link's weighted
    //    length is measured once there and reused (same numbers, added in the same order).
    name: 'readability: link lengths measured once while candidates are scored',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      {
        find: `      var topCandidates = [];
      for (var c = 0, cl = candidates.length; c < cl; c += 1) {`,
        replace: `      var topCandidates = [];
      this._linkLengths = new Map();
      for (var c = 0, cl = candidates.length; c < cl; c += 1) {`,
      },
      {
        find: `      var topCandidate = topCandidates[0] || null;
      var neededToCreateTopCandidate = false;`,
        replace: `      this._linkLengths = null;
      var topCandidate = topCandidates[0] || null;
      var neededToCreateTopCandidate = false;`,
      },
      {
        find: `    this._forEachNode(element.getElementsByTagName("a"), function (linkNode) {
      var href = linkNode.getAttribute("href");
      var coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
      linkLength += this._getInnerText(linkNode).length * coefficient;
    });`,
        replace: `    var known = this._linkLengths;
    this._forEachNode(element.getElementsByTagName("a"), function (linkNode) {
      var weighted = known ? known.get(linkNode) : undefined;
      if (weighted === undefined) {
        var href = linkNode.getAttribute("href");
        var coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
        weighted = this._getInnerText(linkNode).length * coefficient;
        if (known) known.set(linkNode, weighted);
      }
      linkLength += weighted;
    });`,
      },
    ],
  },
  {
    // isProbablyReaderable's visibility test, patched as Readability's own (2 and 4 above). It
    // runs on the page itself, where asking node.style also leaves a style declaration object
    // on every paragraph of the page.
    name: 'readability-readerable: visibility read only where there are attributes',
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability-readerable\.js$/,
    replacements: [
      {
        find: `  return (
    (!node.style || node.style.display != "none") &&`,
        replace: `  return !node.hasAttributes() || (
    (!node.style || !node.hasAttribute("style") || node.style.display != "none") &&`,
      },
    ],
  },
  {
    // DOMPurify parses with DOMParser; only when that yields no document does it fall back to an
    // XML document whose root gets the markup through innerHTML. In the extension that branch is
    // unreachable: we never set NAMESPACE (so DOMParser always runs, in text/html mode), and a
    // browser's DOMParser always returns a document with a root for text/html. Rather than ship a
    // second, unreviewed parsing path, the fallback becomes a clear error: the core turns it into
    // a "page could not be read" message (src/core/reader/sanitize.ts callers), never a blank
    // view and never unsanitised markup.
    name: 'dompurify: no innerHTML fallback parser',
    file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    replacements: [
      {
        find: `		if (!doc || !doc.documentElement) {
			doc = implementation.createDocument(NAMESPACE, "template", null);
			try {
				doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;
			} catch (_) {}
		}`,
        replace: `		if (!doc || !doc.documentElement) {
			throw new TypeError("DOMPurify: DOMParser returned no document, and this build has no innerHTML fallback");
		}`,
      },
    ],
  },
  {
    // DOMPurify's module builds a full default instance for the global window while it loads
    // (allowlist sets, config, its closures): ~32 KB of heap in the content script's world from
    // the moment it is injected (scripts/bench/heap-snapshot.ts), and its set-up time counts in
    // the first click. The core never sanitises with it: it only calls it as a factory for the
    // window it works in, createDOMPurify(view) (src/core/reader/sanitize.ts). Given no window
    // (0), createDOMPurify returns just that factory (isSupported false), as it does in Node.
    // DOMPurify's ES build carries Babel helpers: an async-generator class nothing uses, kept in
    // the bundle only because its prototype is assigned at load, and an array-destructuring
    // helper for one loop over Object.entries (whose items are always [key, value] arrays). About
    // 1.3 KB of content.js, which has a size budget (issue 5).
    name: 'dompurify: no unused Babel helpers',
    file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    replacements: [
      {
        find: [
          'AsyncGenerator.prototype["function" == typeof Symbol && Symbol.asyncIterator || "@@asyncIterator"] = function() {',
          '\treturn this;',
          '}, AsyncGenerator.prototype.next = function(e) {',
          '\treturn this._invoke("next", e);',
          '}, AsyncGenerator.prototype.throw = function(e) {',
          '\treturn this._invoke("throw", e);',
          '}, AsyncGenerator.prototype.return = function(e) {',
          '\treturn this._invoke("return", e);',
          '};\n',
        ].join('\n'),
        replace: '',
      },
      {
        find: 'var _ref3 = _slicedToArray(_ref2, 2);',
        replace: 'var _ref3 = _ref2;',
      },
    ],
  },
  {
    // DOMPurify calls every DOM getter and string or array method through unapply(fn), which
    // guards against a page that replaces prototype methods after load. Its wrapper copies
    // `arguments` into a new array on every call: on the pages around the median it was 2 % of
    // the whole pipeline's time by itself (scripts/bench/profile-many.ts). A bound
    // Function.prototype.call, read while DOMPurify loads like its own `apply`, gives the same
    // guard and the same result (fn called with that this and those arguments) without the copy:
    // the "uncurryThis" of Node's primordials, which V8 calls without building an array. It is
    // read inside the function because DOMPurify calls unapply while its module loads, before
    // any variable declared here would be set. Sanitise stage 1.07x faster per page (A/B).
    name: 'dompurify: unapply without copying arguments',
    file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    replacements: [
      {
        find: `function unapply(func) {
	return function(thisArg) {
		for (var _len3 = arguments.length, args = new Array(_len3 > 1 ? _len3 - 1 : 0), _key3 = 1; _key3 < _len3; _key3++) args[_key3 - 1] = arguments[_key3];
		return apply(func, thisArg, args);
	};
}`,
        replace: `function unapply(func) {
	return Function.prototype.call.bind(func);
}`,
      },
    ],
  },
  {
    name: 'dompurify: no default instance built at load',
    file: /[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/,
    replacements: [
      {
        find: 'var purify_default = createDOMPurify();',
        replace: 'var purify_default = createDOMPurify(0);',
      },
    ],
  },
];

/** Applies the patches for `id` to `code`; throws when an expected text is missing or repeated. */
export function applyVendorPatches(id: string, code: string, patches = VENDOR_PATCHES): string {
  let out = code;
  for (const patch of patches) {
    if (!patch.file.test(id)) continue;
    for (const { find, replace, count = 1 } of patch.replacements) {
      const found = out.split(find).length - 1;
      if (found !== count) {
        throw new Error(
          `vendor patch "${patch.name}": expected ${count === 1 ? 'exactly one occurrence' : `exactly ${count} occurrences`} of\n  ${find}\nin ${id}, found ${found}` +
            ' (was the library upgraded? update scripts/vendor-patches.ts)',
        );
      }
      out = out.split(find).join(replace);
    }
  }
  return out;
}

/**
 * The Vite plugin. Fails the build when a patched library was not bundled from the expected file
 * at all (e.g. a different entry point got resolved), since that would also skip the patch.
 */
export function vendorPatches(patches = VENDOR_PATCHES): Plugin {
  const applied = new Set<string>();
  let usesTarget = new Set<string>();
  return {
    name: 'declutter-vendor-patches',
    enforce: 'pre',
    buildStart() {
      applied.clear();
      usesTarget = new Set();
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      // A bundle that imports the library through another file would dodge the patch.
      if (/[\\/](@mozilla[\\/]readability|dompurify)[\\/]/.test(file)) usesTarget.add(file);
      const relevant = patches.filter((patch) => patch.file.test(file));
      if (relevant.length === 0) return null;
      for (const patch of relevant) applied.add(patch.name);
      return { code: applyVendorPatches(file, code, relevant), map: null };
    },
    buildEnd(error) {
      if (error) return;
      for (const file of usesTarget) {
        if (!patches.some((patch) => patch.file.test(file)) && /\.m?js$/.test(file)) {
          // The Readability index is fine: no innerHTML writes.
          if (/readability[\\/]index\.js$/.test(file)) continue;
          this.error(`vendor patches: ${file} was bundled but no patch targets it`);
        }
      }
    },
  };
}
