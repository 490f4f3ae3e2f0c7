// Keyboard shortcuts (manifest `commands`). `_execute_action` never reaches onCommand: the browser
// turns it into an action click.
import browser from 'webextension-polyfill';
import type { ActionTab } from './action';

export function onCommand(listener: (command: string, tab: ActionTab | undefined) => void): void {
  browser.commands.onCommand.addListener((command, tab) => listener(command, tab));
}

export interface ShortcutInfo {
  name: string;
  description: string;
  shortcut: string;
}

export async function listShortcuts(): Promise<ShortcutInfo[]> {
  const all = await browser.commands.getAll();
  return all.map((c) => ({
    name: c.name ?? '',
    description: c.description ?? '',
    shortcut: c.shortcut ?? '',
  }));
}
