import { describe, expect, it } from 'vitest';
import { modelFixture } from '../../test-support/model-fixture';
import { effectivePdfEngine, pdfEngineOptions, pdfParserCost } from './pdf-engine';

const readsFiles = modelFixture({ id: 'acme/files', inputModalities: ['text', 'image', 'file'] });
const textOnly = modelFixture({ id: 'acme/text' });

describe('how a PDF is read', () => {
  it('offers native reading only to a model that takes files, and shows each way’s price', () => {
    expect(pdfEngineOptions(readsFiles).map((o) => [o.engine, o.price])).toEqual([
      ['native', 'pages count as prompt tokens'],
      ['cloudflare-ai', 'free'],
      ['mistral-ocr', '$2 per 1,000 pages'],
    ]);
    expect(pdfEngineOptions(textOnly).map((o) => o.engine)).toEqual(['cloudflare-ai', 'mistral-ocr']);
  });

  it('uses the choice while the model allows it, else the model’s default', () => {
    expect(effectivePdfEngine(null, readsFiles)).toBe('native');
    expect(effectivePdfEngine(null, textOnly)).toBe('cloudflare-ai');
    expect(effectivePdfEngine('mistral-ocr', textOnly)).toBe('mistral-ocr');
    // Chosen for a model that read files, then the model changed to one that does not.
    expect(effectivePdfEngine('native', textOnly)).toBe('cloudflare-ai');
    expect(effectivePdfEngine(null, null)).toBe('cloudflare-ai');
  });

  it('charges OCR per page and nothing for the other engines', () => {
    expect(pdfParserCost('mistral-ocr', 12)).toBeCloseTo(0.024, 10);
    expect(pdfParserCost('cloudflare-ai', 12)).toBe(0);
    expect(pdfParserCost('native', 12)).toBe(0);
  });
});
