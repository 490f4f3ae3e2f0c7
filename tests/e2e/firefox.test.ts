// Firefox ESR end-to-end suite: the shared scenarios plus Firefox's restricted-page behaviour.
// Driven by puppeteer-core over WebDriver BiDi; the toolbar click is Firefox's own
// browserActionFor(ext).triggerAction (see support/browsers.ts).
import { expect, it } from 'vitest';
import { firefoxActionState, type FirefoxSession } from './support/browsers';
import { waitInPage } from './support/driver';
import { defineBrowserSuite } from './scenarios';

defineBrowserSuite('firefox', (ctx) => {
  it('on a restricted page (about:blank) the button explains instead of failing silently', async () => {
    const browser = ctx.browser();
    const session = browser.session as FirefoxSession;
    await browser.page.goto('about:blank');
    await browser.page.evaluate(() => document.readyState, undefined);
    const before = await firefoxActionState(session);
    await browser.clickAction();
    // Observable from outside: the action's per-tab popup (the message page), badge and tooltip.
    let state = before;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      state = await firefoxActionState(session);
      if (state.popup !== before.popup || state.badgeText || state.title !== before.title) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`[e2e firefox] restricted page: action state after click ${JSON.stringify(state)}`);
    expect(state.popup, 'the message page is the tab’s popup').toMatch(
      /message\.html\?reason=restricted/,
    );
    expect(
      (new URL(state.popup).searchParams.get('text') ?? '').length,
      'a sentence, not a code',
    ).toBeGreaterThan(20);

    // Leaving the page clears the notice again.
    await ctx.visit('/e2e/no-article.html', 'after-restricted');
    await waitInPage(
      browser.page,
      'page load',
      () => document.readyState === 'complete',
      undefined,
    );
    let cleared = await firefoxActionState(session);
    for (let i = 0; i < 30 && cleared.popup; i++) {
      await new Promise((r) => setTimeout(r, 100));
      cleared = await firefoxActionState(session);
    }
    expect(cleared.popup, 'navigating away clears the notice').toBe('');
  });
});
