// Words for the shortcuts section of the options page.

/** "Alt+Shift+V" stays; an unassigned shortcut says so instead of showing nothing. */
export function formatShortcut(shortcut: string): string {
  return shortcut.trim() ? shortcut.replace(/\s*\+\s*/g, '+') : 'Not set';
}

export function shortcutHelp(browserName: 'chrome' | 'firefox'): string {
  return browserName === 'firefox'
    ? 'To change them, open about:addons, click the gear icon and choose “Manage Extension Shortcuts”.'
    : 'To change them, open chrome://extensions/shortcuts (Menu → Extensions → Manage extensions → Keyboard shortcuts).';
}
