// The fake's image-output models: the usual reply, then one picture in `images` (docs/openrouter-protocol.md §2.10).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_IMAGE_DATA_URL } from './generated-image';
import { fakeModels } from './scenarios';
import { type FakeOpenRouter, startFakeOpenRouter } from './server';
import { chat, choicesOf, streamChat } from './test-helpers';

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter({ chunkDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const imagesIn = (chunks: Record<string, unknown>[]) =>
  chunks.flatMap((chunk) =>
    (choicesOf(chunk) ?? []).flatMap((choice) => (choice.delta as { images?: unknown[] }).images ?? []),
  );

describe('image output', () => {
  it('streams one picture on a delta of its own after the text, from a model whose outputs include images', async () => {
    const { res, chunks } = await streamChat(fake, fakeModels.imageOutput, 'Draw a square');
    expect(res.status).toBe(200);
    expect(imagesIn(chunks)).toEqual([{ type: 'image_url', image_url: { url: GENERATED_IMAGE_DATA_URL } }]);
    expect(GENERATED_IMAGE_DATA_URL).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('puts the picture on the message without streaming, and sends none from a text model', async () => {
    const res = await chat(fake, {
      model: fakeModels.imageOutput,
      messages: [{ role: 'user', content: 'Draw a square' }],
    });
    const body = (await res.json()) as { choices: { message: { images?: unknown[] } }[] };
    expect(body.choices[0]!.message.images).toHaveLength(1);

    const { chunks } = await streamChat(fake, fakeModels.default, 'Draw a square');
    expect(imagesIn(chunks)).toEqual([]);
  });
});
