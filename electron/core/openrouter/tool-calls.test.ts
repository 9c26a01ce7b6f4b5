import { describe, expect, it } from 'vitest';
import { readChatStream } from './chat-stream';
import { parseChunk } from './chunk';
import { bodyOf, chunkJson, collect, sseText } from '../test-support/openrouter-streams';
import { ToolCallCollector } from './tool-calls';

/**
 * As OpenRouter streams a tool call (docs/openrouter-protocol.md §3.7): the first fragment names the call, later
 * ones carry pieces of its arguments.
 */
const fragments = [
  { index: 0, id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '' } },
  { index: 0, function: { arguments: '{"location": "San Francisco,' } },
  { index: 0, function: { arguments: ' USA"}' }, type: 'function' },
];
const toolChoice = (call: unknown) => ({
  index: 0,
  delta: { role: 'assistant', content: null, tool_calls: [call] },
  finish_reason: null,
});

describe('tool calls in a stream', () => {
  it('reads each fragment with its index, id and name where given', () => {
    expect(parseChunk(chunkJson([toolChoice(fragments[0])])).filter((p) => p.type === 'tool-call')).toEqual([
      { type: 'tool-call', index: 0, id: 'call_abc', name: 'get_weather', arguments: '' },
    ]);
    expect(parseChunk(chunkJson([toolChoice(fragments[1])])).filter((p) => p.type === 'tool-call')).toEqual([
      { type: 'tool-call', index: 0, id: null, name: null, arguments: '{"location": "San Francisco,' },
    ]);
  });

  it('joins fragments by index, keeping the first id and name, in index order', () => {
    const collector = new ToolCallCollector();
    collector.add({ index: 1, id: 'call_2', name: 'get_time', arguments: '{}' });
    collector.add({ index: 0, id: 'call_1', name: 'get_weather', arguments: '{"a":' });
    collector.add({ index: 0, id: 'call_1', name: null, arguments: '1}' });
    collector.add({ index: 0, id: null, name: 'other', arguments: '' });
    expect(collector.list()).toEqual([
      { id: 'call_1', name: 'get_weather', arguments: '{"a":1}' },
      { id: 'call_2', name: 'get_time', arguments: '{}' },
    ]);
    expect(new ToolCallCollector().list()).toBeNull();
  });

  it('streams tool-call events, then finish "tool_calls" and done, with no text', async () => {
    const payloads = [
      ...fragments.map((f) => chunkJson([toolChoice(f)])),
      chunkJson([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: 'tool_calls' }]),
    ];
    const events = await collect(
      readChatStream(bodyOf([sseText(payloads)]).stream, {
        signal: new AbortController().signal,
        requestedModel: 'openai/gpt-4o',
        generationId: null,
      }),
    );
    const collector = new ToolCallCollector();
    for (const e of events) if (e.type === 'tool-call') collector.add(e);
    expect(collector.list()).toEqual([
      { id: 'call_abc', name: 'get_weather', arguments: '{"location": "San Francisco, USA"}' },
    ]);
    expect(events.some((e) => e.type === 'delta')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'tool_calls' });
  });
});
