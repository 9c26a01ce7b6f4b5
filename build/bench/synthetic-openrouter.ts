// Benchmark support: an in-memory `fetch` that answers like OpenRouter with a long stream, so a benchmark measures
// Switchboard's own work and not network or server jitter.

const encoder = new TextEncoder();

function chunk(id: string, content: string): string {
  const body = {
    id,
    object: 'chat.completion.chunk',
    created: 1785160442,
    model: 'openai/gpt-4o-mini',
    provider: 'OpenAI',
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null, native_finish_reason: null }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** The SSE body of one reply of `chunks` one-word content chunks, a usage chunk and [DONE]. */
export function syntheticStream(chunks: number): string {
  const id = 'gen-1785160442-BenchBenchBenchBench';
  const parts = [': OPENROUTER PROCESSING\n\n'];
  for (let i = 0; i < chunks; i++) parts.push(chunk(id, `word${i % 10} `));
  parts.push(
    `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created: 1785160442,
      model: 'openai/gpt-4o-mini',
      provider: 'OpenAI',
      choices: [
        { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: 'stop', native_finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 10, completion_tokens: chunks, total_tokens: 10 + chunks, cost: 0.0001 },
    })}\n\n`,
  );
  parts.push('data: [DONE]\n\n');
  return parts.join('');
}

/** A fetch that streams `body` in reads of about `readSize` bytes, as a socket would deliver it. */
export function syntheticFetch(body: string, readSize = 1400): typeof globalThis.fetch {
  const bytes = encoder.encode(body);
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/key')) {
      return Response.json({
        data: { label: 'bench', limit: null, limit_remaining: null, usage: 0, is_free_tier: false },
      });
    }
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + readSize));
        offset += readSize;
      },
    });
    return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'x-generation-id': 'gen-bench' } });
  };
}
