import { describe, expect, it } from 'vitest';
import { acceptsInput, refusedInputs, unsupportedInputNotice } from './capabilities';
import { modelFixture } from '../../test-support/model-fixture';

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
      'Text 1 does not accept images or files or PDFs — pick one that does, or remove them.',
    );
    expect(unsupportedInputNotice(vision, ['image'])).toBeNull();
    expect(unsupportedInputNotice(null, ['image'])).toBeNull();
    expect(unsupportedInputNotice(router, ['image'])).toBeNull();
  });

  it('lists the refused kinds once each, and none for a model nothing is known of', () => {
    expect(refusedInputs(textOnly, ['image', 'file', 'image'])).toEqual(['image', 'file']);
    expect(refusedInputs(vision, ['image', 'file'])).toEqual(['file']);
    expect(refusedInputs(null, ['image'])).toEqual([]);
  });
});
