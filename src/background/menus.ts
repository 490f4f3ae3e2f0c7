// The toolbar button's context menu. Chrome adds "Options" to that menu by itself; Firefox does
// not, so it gets its own item there.
import type { ActionMenuItem } from '../platform/context-menus';

export const MENU_DECLUTTER = 'declutter-page';
export const MENU_READER = 'reading-view';
export const MENU_OPTIONS = 'options';

export function actionMenuItems(browserName: 'chrome' | 'firefox'): ActionMenuItem[] {
  const items: ActionMenuItem[] = [
    { id: MENU_DECLUTTER, title: 'Declutter this page (Alt+Shift+D)' },
    { id: MENU_READER, title: 'Reading view (Alt+Shift+V)' },
  ];
  if (browserName === 'firefox') items.push({ id: MENU_OPTIONS, title: 'Options' });
  return items;
}
