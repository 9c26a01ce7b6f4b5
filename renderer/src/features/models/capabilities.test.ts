import { describe, expect, it } from 'vitest';
import { acceptsInput, unsupportedInputNotice } from './capabilities';
import { modelFixture } from './model-fixture';

const textOnly = modelFixture({ id: 'a/text', name: 'Acme: Text 1' });
const vision = modelFixture({ id: 'a/vision', inputModalities: ['text', 'image'] });
const router = modelFixture({ id: 'openrouter/auto', isRouter: true, inputModalities: ['text'] });

describe('capabilities for attachments', () => {
  it('answers from the catalogue, trusts a router to pick a capable model, and knows nothing of unlisted models', () => {
    expect(acceptsInput(vision, 'image')).toBe(true);
    expect(acceptsInput(textOnly, 'image')).toBe(false);
    expect(acceptsInput(router, 'audio')).toBe(true);
    expect(acceptsInput(null, 'image')).toBeNull();
  });

  it('names what the model cannot read, once each, or says nothing', () => {
    expect(unsupportedInputNotice(textOnly, ['image', 'file', 'image'])).toBe(
      'Text 1 cannot read images or files or PDFs. Choose a model that can (Ctrl+K), or send the message without them.',
    );
    expect(unsupportedInputNotice(vision, ['image'])).toBeNull();
    expect(unsupportedInputNotice(null, ['image'])).toBeNull();
  });
});
