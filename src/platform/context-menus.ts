// Items in the toolbar button's right-click menu.
import browser from 'webextension-polyfill';
import type { ActionTab } from './action';

export interface ActionMenuItem {
  id: string;
  title: string;
}

/** Replaces our items in the action's context menu (idempotent: safe on every install/update). */
export async function setActionMenu(items: ActionMenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of items) {
    browser.contextMenus.create({ id: item.id, title: item.title, contexts: ['action'] });
  }
}

export function onActionMenuClicked(
  listener: (itemId: string, tab: ActionTab | undefined) => void,
): void {
  browser.contextMenus.onClicked.addListener((info, tab) => listener(String(info.menuItemId), tab));
}
