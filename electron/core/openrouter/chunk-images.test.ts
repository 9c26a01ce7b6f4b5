import { describe, expect, it } from 'vitest';
import { parseChunk } from './chunk';

describe('images in a reply', () => {
  it('reads the URLs of `images` on a delta or a message, skipping malformed entries', () => {
    const delta = {
      choices: [
        {
          index: 0,
          delta: {
            content: '',
            images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }, { image_url: {} }, 'x'],
          },
        },
      ],
    };
    expect(parseChunk(JSON.stringify(delta))).toContainEqual({ type: 'images', urls: ['data:image/png;base64,AAA'] });
    const message = {
      choices: [
        { index: 0, message: { content: 'Done', images: [{ image_url: { url: 'data:image/webp;base64,B' } }] } },
      ],
    };
    expect(parseChunk(JSON.stringify(message))).toContainEqual({ type: 'images', urls: ['data:image/webp;base64,B'] });
    expect(
      parseChunk(JSON.stringify({ choices: [{ index: 0, delta: { content: 'x' } }] })).some((p) => p.type === 'images'),
    ).toBe(false);
  });
});
