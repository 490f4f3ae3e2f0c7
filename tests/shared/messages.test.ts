import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createDispatcher,
  isMessage,
  type Message,
  type ResponseTo,
} from '../../src/shared/messages';

describe('messages', () => {
  it('recognises only our message types', () => {
    expect(isMessage({ type: 'toggle-reader' })).toBe(true);
    expect(isMessage({ type: 'toggle-declutter' })).toBe(true);
    expect(isMessage({ type: 'ping' })).toBe(true);
    for (const other of [null, undefined, 'toggle-reader', {}, { type: 'other' }, { type: 3 }]) {
      expect(isMessage(other)).toBe(false);
    }
  });

  it('dispatches to the handler of the message type and returns its answer', async () => {
    const dispatch = createDispatcher({
      ping: () => ({ ready: true }),
      'toggle-reader': () => ({ open: true }),
      'toggle-declutter': async () => ({ enabled: false, hidden: 3 }),
    });
    await expect(dispatch({ type: 'toggle-reader' })).resolves.toEqual({ open: true });
    await expect(dispatch({ type: 'toggle-declutter' })).resolves.toEqual({
      enabled: false,
      hidden: 3,
    });
    expect(dispatch({ type: 'somebody-else' })).toBeUndefined();
  });

  it('turns a throwing handler into a rejected promise (the sender sees an error)', async () => {
    const dispatch = createDispatcher({
      ping: () => ({ ready: true }),
      'toggle-reader': () => {
        throw new Error('boom');
      },
      'toggle-declutter': () => ({ enabled: true, hidden: 0 }),
    });
    await expect(dispatch({ type: 'toggle-reader' })).rejects.toThrow('boom');
  });

  it('types each response from its message', () => {
    expectTypeOf<ResponseTo<{ type: 'toggle-reader' }>>().toEqualTypeOf<{ open: boolean }>();
    expectTypeOf<ResponseTo<{ type: 'ping' }>>().toEqualTypeOf<{ ready: true }>();
    expectTypeOf<Message['type']>().toEqualTypeOf<'toggle-reader' | 'toggle-declutter' | 'ping'>();
  });
});
