// The restricted-page popup reads its sentence from the URL the background built.
import { describe, expect, it, vi } from 'vitest';
import { messagePageUrl } from '../../../src/background/tab-notice';

// tab-notice's platform calls are not used here; the real polyfill cannot load outside a browser.
vi.mock('../../../src/platform/action', () => ({}));
vi.mock('../../../src/platform/session-store', () => ({}));
import { messageHint, readMessageParams } from '../../../src/ui/pages/lib/message-params';
import { FILE_ACCESS_REASON } from '../../../src/core/reader/restricted';

describe('message page parameters', () => {
  it('reads back exactly what the background put in the URL', () => {
    const reason = {
      code: 'restricted' as const,
      message: 'PDF documents open in the browser’s PDF viewer & more',
    };
    const params = readMessageParams(messagePageUrl(reason).split('?')[1] ?? '');
    expect(params).toEqual({ reason: 'restricted', text: reason.message });
  });

  it('never shows an empty popup', () => {
    expect(readMessageParams('').text).toMatch(/cannot be opened/);
    expect(readMessageParams('?text=%20%20').text).toMatch(/cannot be opened/);
  });

  it('explains how to allow file access for local files', () => {
    const params = readMessageParams(messagePageUrl(FILE_ACCESS_REASON).split('?')[1] ?? '');
    expect(messageHint(params)).toMatch(/Allow access to file URLs/);
  });
});
