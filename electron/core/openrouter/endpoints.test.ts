import { describe, expect, it } from 'vitest';
import { endpointsPath, mapEndpoints } from './endpoints';

describe('model endpoints', () => {
  it('lists each provider once, in OpenRouter’s order, by its routing slug', () => {
    const body = {
      data: {
        id: 'meta-llama/llama-3.3-70b-instruct',
        endpoints: [
          { tag: 'deepinfra/turbo', provider_name: 'DeepInfra' },
          { tag: 'together', provider_name: 'Together' },
          { tag: 'together', provider_name: 'Together' },
          { provider_name: 'No tag' },
          'junk',
          { tag: 'novita' },
        ],
      },
    };
    expect(mapEndpoints(body)).toEqual([
      { slug: 'deepinfra/turbo', name: 'DeepInfra' },
      { slug: 'together', name: 'Together' },
      { slug: 'novita', name: 'novita' },
    ]);
  });

  it('answers null for another shape, and builds the path with the variant kept', () => {
    expect(mapEndpoints({ data: [] })).toBeNull();
    expect(mapEndpoints(null)).toBeNull();
    expect(endpointsPath('meta-llama/llama-3.3-70b-instruct:free')).toBe(
      '/models/meta-llama/llama-3.3-70b-instruct:free/endpoints',
    );
  });
});
