// Chrome's offscreen document (offscreen.html): the MV3 service worker has no DOM, so the heavy
// part of "Try anyway" on a very large page (parse + analyse, seconds on a 10 MB page) runs here,
// in the extension's own process, while the tab stays responsive. Created by the background when
// a request comes (src/platform/offscreen.ts) and closed once no request is left.
import { analyzeHtml } from '../shared/analyze-html';
import { handleOffscreenMessages } from '../platform/messaging';

handleOffscreenMessages(async (request) => analyzeHtml(request, window));
