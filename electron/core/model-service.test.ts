import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../shared/domain';
import { ModelService } from './model-service';

const model = (id: string) => ({ id, maxCompletionTokens: 1000 }) as ModelSummary;

describe('ModelService', () => {
  it('finds a model in the cached catalogue: turns do not fetch the list again', async () => {
    let fetches = 0;
    const service = new ModelService({
      listModels: async () => {
        fetches++;
        return { ok: true, value: [model('a/one'), model('b/two')] };
      },
    });
    expect(await service.find('b/two')).toEqual(model('b/two'));
    expect(await service.find('a/one')).toEqual(model('a/one'));
    expect(await service.find('c/none')).toBeNull();
    expect(fetches).toBe(1);
  });

  it('answers null when the catalogue cannot be had', async () => {
    const service = new ModelService({
      listModels: async () => ({ ok: false, error: { code: 'offline', message: 'x' } }),
    });
    expect(await service.find('a/one')).toBeNull();
  });
});
