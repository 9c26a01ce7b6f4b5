import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { toUpstreamMessages } from './upstream-history';

const m = (role: Message['role'], content: string, status: Message['status'] = 'complete') =>
  ({ role, content, status, attachments: [] }) as unknown as Message;

describe('toUpstreamMessages', () => {
  it('leaves out replies that failed without text and the question one left unanswered', () => {
    const path = [m('user', 'Hi'), m('assistant', '', 'error'), m('user', 'Hi again'), m('assistant', 'Hello')];
    expect(toUpstreamMessages(path)).toEqual([
      { role: 'user', content: 'Hi again' },
      { role: 'assistant', content: 'Hello' },
    ]);
  });

  it('keeps a stopped reply with text, and adds a prefill last', () => {
    const path = [m('user', 'Story'), m('assistant', 'Once', 'stopped'), m('user', 'Go on')];
    expect(toUpstreamMessages(path, 'Well,')).toEqual([
      { role: 'user', content: 'Story' },
      { role: 'assistant', content: 'Once' },
      { role: 'user', content: 'Go on' },
      { role: 'assistant', content: 'Well,' },
    ]);
  });

  it('keeps the question before a reply that only asked for a tool, and says what the reply asked', () => {
    const toolOnly = {
      ...m('assistant', ''),
      toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
    } as Message;
    const path = [m('user', 'Weather in Paris?'), toolOnly, m('user', 'Never mind, tell me a joke')];
    expect(toUpstreamMessages(path)).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '(I asked to call get_weather; the app I am used in does not run tools.)' },
      { role: 'user', content: 'Never mind, tell me a joke' },
    ]);
  });

  it('sends a question’s files through contentOf, and says an image-only reply answered it', () => {
    const image = { id: 'a'.repeat(64), kind: 'image', mime: 'image/png', name: 'sunset.png', sizeBytes: 1 } as const;
    const path = [m('user', 'Draw'), { ...m('assistant', ''), attachments: [image] }, m('user', 'Again')];
    const contentOf = (message: Message) =>
      message.role === 'user' ? [{ type: 'text' as const, text: `<${message.content}>` }] : message.content;
    expect(toUpstreamMessages(path, undefined, contentOf)).toEqual([
      { role: 'user', content: [{ type: 'text', text: '<Draw>' }] },
      { role: 'assistant', content: '(I answered with an image: “sunset.png”.)' },
      { role: 'user', content: [{ type: 'text', text: '<Again>' }] },
    ]);
  });
});

describe('toUpstreamMessages, replies with tool calls or pictures', () => {
  const image = (name: string) => ({ id: name, kind: 'image', mime: 'image/png', name, sizeBytes: 1 }) as const;
  const reply = (content: string, extra: Partial<Message>) => ({ ...m('assistant', content), ...extra }) as Message;
  const upstreamReply = (message: Message) =>
    toUpstreamMessages([m('user', 'Q'), message, m('user', 'Next')])[1]?.content;

  it('keeps the text of a reply that also asked for tools or sent pictures', () => {
    const calls = [{ id: 'c1', name: 'search', arguments: '{}' }];
    expect(upstreamReply(reply('Searching.', { toolCalls: calls }))).toBe('Searching.');
    expect(upstreamReply(reply('Here it is.', { attachments: [image('cat.png')] }))).toBe('Here it is.');
  });

  it('names every tool and every picture of a reply that was only those', () => {
    const calls = [
      { id: 'c1', name: 'search', arguments: '{}' },
      { id: 'c2', name: 'fetch', arguments: '{}' },
    ];
    expect(upstreamReply(reply('', { toolCalls: calls }))).toBe(
      '(I asked to call search, fetch; the app I am used in does not run tools.)',
    );
    expect(upstreamReply(reply('', { attachments: [image('a.png'), image('b.png')] }))).toBe(
      '(I answered with images: “a.png”, “b.png”.)',
    );
  });
});
