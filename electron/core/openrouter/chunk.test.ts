import { describe, expect, it } from 'vitest';
import { usageFixture } from '../../../shared/test-support/domain-fixtures';
import { parseChunk, type ChunkPart } from './chunk';
import {
  chunkJson,
  contentChoice,
  EXPECTED_USAGE,
  GEN_ID,
  MODEL,
  reasoningChoice,
  usageChunk,
  USAGE,
} from '../test-support/openrouter-streams';

const ofType = <T extends ChunkPart['type']>(parts: ChunkPart[], type: T) =>
  parts.filter((part): part is Extract<ChunkPart, { type: T }> => part.type === type);

describe('parseChunk', () => {
  it('reads metadata and a content delta', () => {
    expect(parseChunk(chunkJson([contentChoice('Hey')]))).toEqual([
      { type: 'metadata', generationId: GEN_ID, model: MODEL, provider: 'Novita' },
      { type: 'content', text: 'Hey' },
    ]);
  });

  it('reads a reasoning delta and skips the empty content beside it', () => {
    const parts = parseChunk(chunkJson([reasoningChoice('The')]));
    expect(ofType(parts, 'reasoning')).toEqual([{ type: 'reasoning', text: 'The' }]);
    expect(ofType(parts, 'content')).toEqual([]);
  });

  it('falls back to reasoning_details text when `reasoning` is absent', () => {
    const choice = {
      index: 0,
      delta: {
        reasoning_details: [
          { type: 'reasoning.text', text: 'hmm' },
          { type: 'reasoning.encrypted', data: 'x' },
        ],
      },
    };
    expect(ofType(parseChunk(chunkJson([choice])), 'reasoning')).toEqual([{ type: 'reasoning', text: 'hmm' }]);
  });

  it.each(['A', 'B', 'C'] as const)('maps the usage of variant %s to the shared Usage', (variant) => {
    const usage = ofType(parseChunk(usageChunk(variant)), 'usage');
    expect(usage).toEqual([{ type: 'usage', usage: EXPECTED_USAGE }]);
  });

  it('keeps the raw usage object whole, including fields it does not map', () => {
    const [part] = ofType(parseChunk(usageChunk('B')), 'usage');
    expect(part?.usage.raw['cost_details']).toEqual(USAGE.cost_details);
  });

  it('tolerates a usage chunk with no choices key and an old minimal usage without cost', () => {
    const parts = parseChunk(
      JSON.stringify({ id: 'gen-1', usage: { prompt_tokens: 7007, completion_tokens: 49, total_tokens: 7056 } }),
    );
    // The three counts and nothing else: every other figure (cost and BYOK included) unsaid, as in usageFixture.
    expect(ofType(parts, 'usage')[0]?.usage).toEqual(
      usageFixture({
        promptTokens: 7007,
        completionTokens: 49,
        totalTokens: 7056,
        raw: { prompt_tokens: 7007, completion_tokens: 49, total_tokens: 7056 },
      }),
    );
  });

  it('reports BYOK and a free (zero) cost distinctly from a missing cost', () => {
    const [part] = ofType(
      parseChunk(JSON.stringify({ choices: [], usage: { ...USAGE, cost: 0, is_byok: true } })),
      'usage',
    );
    expect(part?.usage.costUsd).toBe('0');
    expect(part?.usage.isByok).toBe(true);
  });

  it('reads a finish reason with its native value', () => {
    const choice = { index: 0, delta: { content: '' }, finish_reason: 'length', native_finish_reason: 'MAX_TOKENS' };
    expect(ofType(parseChunk(chunkJson([choice])), 'finish')).toEqual([
      { type: 'finish', finishReason: 'length', nativeFinishReason: 'MAX_TOKENS' },
    ]);
  });

  it('reports one error for a top-level error plus finish_reason "error", and no finish', () => {
    const chunk = chunkJson(
      [{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' }],
      {
        error: {
          code: 502,
          message: 'Provider returned error',
          metadata: { error_type: 'provider_unavailable', provider_code: 'x' },
        },
      },
    );
    const parts = parseChunk(chunk);
    expect(ofType(parts, 'finish')).toEqual([]);
    const errors = ofType(parts, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error).toMatchObject({ code: 'upstream_error', status: 502 });
  });

  it('treats finish_reason "error" without an error object as a failure naming the native reason', () => {
    const choice = {
      delta: { content: '', role: 'assistant' },
      finish_reason: 'error',
      native_finish_reason: 'MALFORMED_FUNCTION_CALL',
    };
    const errors = ofType(parseChunk(JSON.stringify({ choices: [choice] })), 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error.code).toBe('upstream_error');
    expect(errors[0]?.error.message).toContain('MALFORMED_FUNCTION_CALL');
  });

  it('reads a string error code and a missing code with http_status', () => {
    const stringCode = ofType(
      parseChunk(JSON.stringify({ error: { code: 'server_error', message: 'boom' } })),
      'error',
    );
    expect(stringCode[0]?.error.code).toBe('upstream_error');
    const noCode = ofType(parseChunk(JSON.stringify({ error: { message: 'slow down', http_status: 429 } })), 'error');
    expect(noCode[0]?.error).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it('turns a payload that is not JSON into an upstream_error part instead of throwing', () => {
    for (const data of ['{"id":"gen-1","choices":[{"delta":{"content":"He', 'oops', '[1,2]', '42']) {
      const parts = parseChunk(data);
      expect(parts).toHaveLength(1);
      expect(parts[0]).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
    }
  });

  it('ignores empty payloads and keep-alive comments re-wrapped as data by a proxy', () => {
    expect(parseChunk('')).toEqual([]);
    expect(parseChunk(': OPENROUTER PROCESSING')).toEqual([]);
  });

  it('survives odd shapes: null choices, missing delta, null entries, unknown fields', () => {
    expect(() => parseChunk(JSON.stringify({ choices: null }))).not.toThrow();
    expect(parseChunk(JSON.stringify({ choices: [null, { index: 0 }] }))).toEqual([]);
    const parts = parseChunk(
      JSON.stringify({
        id: 'gen-2',
        surprise: { deep: [1] },
        choices: [{ index: 0, delta: { content: 'x', audio: {} } }],
      }),
    );
    expect(ofType(parts, 'content')).toEqual([{ type: 'content', text: 'x' }]);
  });

  it('reads a non-streaming completion body (message instead of delta)', () => {
    const body = {
      id: 'gen-3',
      model: 'z-ai/glm-4.5-air:free',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Three.' } }],
    };
    const parts = parseChunk(JSON.stringify(body));
    expect(ofType(parts, 'content')).toEqual([{ type: 'content', text: 'Three.' }]);
    expect(ofType(parts, 'finish')[0]?.finishReason).toBe('stop');
  });
});

describe('url_citation annotations', () => {
  const chunkWith = (annotations: unknown) =>
    JSON.stringify({
      id: 'gen-1',
      model: 'openai/gpt-4o',
      choices: [{ index: 0, delta: { content: 'Done.', annotations }, finish_reason: null }],
    });

  it('reads nested and flat url_citation annotations from a delta, after its text', () => {
    const parts = parseChunk(
      chunkWith([
        {
          type: 'url_citation',
          url_citation: { url: 'https://a.example/x', title: 'A', content: 'quote', start_index: 3, end_index: 9 },
        },
        { type: 'url_citation', url: 'http://b.example/', title: '' },
        { type: 'file_citation', url: 'https://c.example/' },
      ]),
    );
    expect(parts.map((p) => p.type)).toEqual(['metadata', 'content', 'citations']);
    expect(ofType(parts, 'citations')[0]?.citations).toEqual([
      { url: 'https://a.example/x', title: 'A', content: 'quote', startIndex: 3, endIndex: 9 },
      { url: 'http://b.example/', title: null, content: null, startIndex: null, endIndex: null },
    ]);
  });

  it('keeps only web links: a javascript: or missing URL from the model is dropped', () => {
    const parts = parseChunk(
      chunkWith([
        { type: 'url_citation', url_citation: { url: 'javascript:alert(1)', title: 'x' } },
        { type: 'url_citation', url_citation: { title: 'no url' } },
        'not an object',
      ]),
    );
    expect(ofType(parts, 'citations')).toEqual([]);
  });
});
