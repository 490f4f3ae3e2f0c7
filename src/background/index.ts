// Background entry: listeners only, registered synchronously at start-up so that a service worker
// or event page woken by an event finds them in place.
import { onActionClicked } from '../platform/action';
import { onCommand } from '../platform/commands';
import { onActionMenuClicked, setActionMenu } from '../platform/context-menus';
import { handleBackgroundMessages } from '../platform/messaging';
import { onInstalled, openOptionsPage } from '../platform/runtime';
import { onTabClosed, onTabNavigating } from '../platform/tabs';
import { activateInTab, forgetContentScript } from './activate';
import { analyzePageAway } from './analyze-page';
import { articlePart, collectPagePart, forgetTabParts, holdArticle } from './page-parts';
import { injectFeature } from './inject';
import { MENU_DECLUTTER, MENU_OPTIONS, MENU_READER, actionMenuItems } from './menus';
import { clearTabNotice, forgetTab } from './tab-notice';

function report(error: unknown) {
  console.error('Declutter:', error);
}

onActionClicked((tab) => {
  activateInTab(tab, { type: 'toggle-reader' }).catch(report);
});

onCommand((command, tab) => {
  if (command === 'toggle-declutter')
    activateInTab(tab, { type: 'toggle-declutter' }).catch(report);
});

handleBackgroundMessages({
  // The content script asks for a feature's script the first time the user turns it on.
  'load-feature': async (message, tabId) => {
    await injectFeature(tabId, message.feature);
    return { loaded: true };
  },
  // The content script left the page once it had nothing open or hidden: inject it again next time.
  'content-left': async (_message, tabId) => {
    forgetContentScript(tabId);
    return null;
  },
  // "Try anyway" on a very large page: its HTML comes in slices; once whole, it is analysed here
  // or in the offscreen document, not in the tab.
  'analyze-page': async (message, tabId) => {
    const request = collectPagePart(tabId, message);
    return request ? holdArticle(tabId, await analyzePageAway(request)) : null;
  },
  // A large article's HTML and text, pulled by the tab in slices after the answer.
  'article-part': async (message, tabId) => articlePart(tabId, message),
});

onInstalled(() => {
  setActionMenu(actionMenuItems(__BROWSER__)).catch(report);
});

onActionMenuClicked((itemId, tab) => {
  if (itemId === MENU_DECLUTTER) activateInTab(tab, { type: 'toggle-declutter' }).catch(report);
  else if (itemId === MENU_READER) activateInTab(tab, { type: 'toggle-reader' }).catch(report);
  else if (itemId === MENU_OPTIONS) openOptionsPage().catch(report);
});

onTabNavigating((tabId) => {
  forgetContentScript(tabId);
  forgetTabParts(tabId);
  clearTabNotice(tabId).catch(report);
});

onTabClosed((tabId) => {
  forgetContentScript(tabId);
  forgetTabParts(tabId);
  forgetTab(tabId).catch(report);
});
