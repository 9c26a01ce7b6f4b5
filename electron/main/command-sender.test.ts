import { describe, expect, it } from 'vitest';
import { shellCommandChannel } from '../../shared/shell-commands';
import { type CommandTarget, createCommandSender } from './command-sender';

function fakeWindow(url = 'app://switchboard/index.html', destroyed = false) {
  const sent: unknown[] = [];
  const window: CommandTarget = {
    isDestroyed: () => destroyed,
    webContents: { mainFrame: { url, parent: null }, send: (channel, payload) => void sent.push([channel, payload]) },
  };
  return { window, sent };
}

const trusted = (frame: { url: string } | null) => frame?.url.startsWith('app://switchboard/') === true;

describe('createCommandSender', () => {
  it('sends to the window the item was chosen in, else the focused one, else the first', () => {
    const a = fakeWindow();
    const b = fakeWindow();
    let focused: CommandTarget | null = null;
    const send = createCommandSender({
      focused: () => focused,
      all: () => [a.window, b.window],
      isTrustedSender: trusted,
    });
    expect(send({ type: 'open-conversation', conversationId: 'c1' }, b.window)).toBe(true);
    expect(b.sent).toEqual([[shellCommandChannel, { type: 'open-conversation', conversationId: 'c1' }]]);
    focused = b.window;
    send({ type: 'shortcut', id: 'new-chat' }, { some: 'other window' });
    expect(b.sent).toHaveLength(2);
    focused = null;
    send({ type: 'shortcut', id: 'spend' });
    expect(a.sent).toEqual([[shellCommandChannel, { type: 'shortcut', id: 'spend' }]]);
  });

  it('sends nothing to a page that is not the app, or to a closed window', () => {
    const foreign = fakeWindow('https://example.com/');
    const gone = fakeWindow(undefined, true);
    expect(
      createCommandSender({ focused: () => foreign.window, all: () => [foreign.window], isTrustedSender: trusted })({
        type: 'open-conversation',
        conversationId: 'c1',
      }),
    ).toBe(false);
    expect(
      createCommandSender({ focused: () => null, all: () => [gone.window], isTrustedSender: trusted })({
        type: 'open-conversation',
        conversationId: 'c1',
      }),
    ).toBe(false);
    expect(
      createCommandSender({ focused: () => null, all: () => [], isTrustedSender: trusted })({
        type: 'open-conversation',
        conversationId: 'c1',
      }),
    ).toBe(false);
    expect(foreign.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });
});
