// Parsing of the message popup's URL, kept apart from the page script so it can be unit-tested.

export interface MessageParams {
  reason: string;
  text: string;
}

const FALLBACK = 'This page cannot be opened in the reading view.';

export function readMessageParams(search: string): MessageParams {
  const params = new URLSearchParams(search);
  const text = (params.get('text') ?? '').trim().slice(0, 500);
  return { reason: params.get('reason') ?? 'restricted', text: text || FALLBACK };
}

export function messageHint(params: MessageParams): string | null {
  if (/file urls/i.test(params.text)) {
    return 'Open the browser’s extension settings, choose Declutter, switch on “Allow access to file URLs”, then reload the file.';
  }
  if (params.reason === 'restricted') {
    return 'On ordinary web pages (http and https) the reading view and Declutter work with one click.';
  }
  return null;
}
