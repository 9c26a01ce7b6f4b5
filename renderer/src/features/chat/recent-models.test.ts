import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/domain';
import { recentModels } from './recent-models';

const conversation = (id: string, model: string): Conversation => ({
  id,
  title: id,
  model,
  createdAt: 0,
  updatedAt: 0,
  maxOutputTokens: null,
  pinned: false,
  settings: {},
});

describe('recentModels', () => {
  it('offers the current model, then the ones in use lately, once each, without the reply’s own', () => {
    const list = [
      conversation('c1', 'a/x'),
      conversation('c2', 'b/y'),
      conversation('c3', 'a/x'),
      conversation('c4', 'c/z'),
    ];
    expect(recentModels(list, 'd/w', 'b/y')).toEqual(['d/w', 'a/x', 'c/z']);
    expect(recentModels(list, 'a/x', null, 2)).toEqual(['a/x', 'b/y']);
  });
});
