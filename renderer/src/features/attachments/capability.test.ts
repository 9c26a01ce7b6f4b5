import { describe, expect, it } from 'vitest';
import { modelFixture } from '../../test-support/model-fixture';
import { attachmentRefusal } from './capability';

const textOnly = modelFixture({ id: 'acme/text', name: 'Acme: Text' });
const vision = modelFixture({ id: 'acme/vision', name: 'Acme: Vision', inputModalities: ['text', 'image'] });
const router = modelFixture({ id: 'openrouter/auto', isRouter: true });

describe('whether the chosen model can take the attachments', () => {
  it('refuses images for a model without image input, naming the model and the filter that finds one', () => {
    expect(attachmentRefusal(textOnly, [{ kind: 'image' }, { kind: 'image' }])).toEqual({
      notice: 'Text does not accept images — pick one that does, or remove them.',
      filters: ['image'],
    });
  });

  it('takes images for a model that reads them, and trusts a router to pick one that does', () => {
    expect(attachmentRefusal(vision, [{ kind: 'image' }])).toBeNull();
    expect(attachmentRefusal(router, [{ kind: 'image' }])).toBeNull();
  });

  it('never refuses PDFs (OpenRouter parses them for models without file input) or text files (inlined)', () => {
    expect(attachmentRefusal(textOnly, [{ kind: 'pdf' }, { kind: 'text' }])).toBeNull();
  });

  it('refuses nothing for a model the catalogue does not list: nothing is known of it', () => {
    expect(attachmentRefusal(null, [{ kind: 'image' }])).toBeNull();
  });
});
