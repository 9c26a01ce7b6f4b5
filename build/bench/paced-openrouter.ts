// Benchmark support: an in-memory `fetch` that answers like OpenRouter, streaming one long Markdown reply at a steady
// pace, so the page's work while a reply streams can be measured without network or server jitter.

const encoder = new TextEncoder();

/** About `bytes` of Markdown: paragraphs, lists, a table and code blocks, as a long answer would have. */
export function longMarkdown(bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 4 === 0
        ? `## Part ${i}\n\nThis paragraph explains step ${i} of the answer with enough words to wrap across lines in the reading column, like a real reply would.`
        : i % 4 === 1
          ? `- point ${i}.1 with some detail\n- point ${i}.2 with more detail\n- point ${i}.3`
          : i % 4 === 2
            ? `| column | value |\n| --- | --- |\n| a${i} | ${i} |\n| b${i} | ${i * 2} |`
            : `\`\`\`ts\nfunction step${i}(input: number): number {\n  return input * ${i};\n}\n\`\`\``;
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join('\n\n');
}

function sseChunk(content: string, finish: string | null = null, usage?: object): string {
  return `data: ${JSON.stringify({
    id: 'gen-bench-paced',
    object: 'chat.completion.chunk',
    created: 1785160442,
    model: 'openai/gpt-4o-mini',
    provider: 'OpenAI',
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish, native_finish_reason: finish }],
    ...(usage ? { usage } : {}),
  })}\n\n`;
}

export interface PacedReply {
  text: string;
  /** Characters per SSE chunk. */
  chunkChars: number;
  /** Pause between chunks. */
  intervalMs: number;
  /** Pause before the first chunk (the model's time to first token), fixed so runs can be compared. */
  latencyMs?: number;
}

/** The model a chat completion request asks for (the core sends its body as a JSON string). */
function requestedModel(init: RequestInit | undefined): string {
  if (typeof init?.body !== 'string') return '';
  const model: unknown = (JSON.parse(init.body) as { model?: unknown }).model;
  return typeof model === 'string' ? model : '';
}

/**
 * A fetch whose every chat completion streams the reply chosen for its model at that reply's pace; /key and /models
 * answer at once.
 */
export function pacedFetch(reply: (model: string) => PacedReply): typeof globalThis.fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/key')) {
      return Response.json({
        data: { label: 'bench', limit: null, limit_remaining: null, usage: 0, is_free_tier: false },
      });
    }
    if (url.includes('/models')) return Response.json({ data: [] });
    if (url.includes('/generation')) return new Response('{}', { status: 404 });
    const { text, chunkChars, intervalMs, latencyMs = 0 } = reply(requestedModel(init));
    let offset = 0;
    let finished = false;
    const signal = init?.signal;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (finished) return;
        if (signal?.aborted) {
          finished = true;
          controller.error(new DOMException('aborted', 'AbortError'));
          return;
        }
        if (offset >= text.length) {
          finished = true;
          controller.enqueue(
            encoder.encode(
              sseChunk('', 'stop', { prompt_tokens: 10, completion_tokens: 1000, total_tokens: 1010, cost: 0.0001 }) +
                'data: [DONE]\n\n',
            ),
          );
          controller.close();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, offset === 0 ? latencyMs + intervalMs : intervalMs));
        controller.enqueue(encoder.encode(sseChunk(text.slice(offset, offset + chunkChars))));
        offset += chunkChars;
      },
    });
    return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
  };
}
