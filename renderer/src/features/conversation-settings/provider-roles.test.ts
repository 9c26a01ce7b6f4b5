import { describe, expect, it } from 'vitest';
import { roleOf, withRole } from './provider-roles';

describe('provider roles', () => {
  it('moves a provider between the order, only and ignore lists, keeping the others', () => {
    const routing = { order: ['anthropic'], ignore: ['deepinfra'] };
    expect(withRole(routing, 'openai', 'prefer')).toEqual({
      order: ['anthropic', 'openai'],
      only: undefined,
      ignore: ['deepinfra'],
    });
    expect(withRole(routing, 'anthropic', 'never')).toEqual({
      order: undefined,
      only: undefined,
      ignore: ['deepinfra', 'anthropic'],
    });
    expect(withRole(routing, 'deepinfra', 'any')).toEqual({ order: ['anthropic'], only: undefined, ignore: undefined });
    expect(withRole({}, 'azure', 'only')).toEqual({ order: undefined, only: ['azure'], ignore: undefined });
  });

  it('reads each provider’s role back', () => {
    const routing = { order: ['a'], only: ['b'], ignore: ['c'] };
    expect(['a', 'b', 'c', 'd'].map((provider) => roleOf(routing, provider))).toEqual([
      'prefer',
      'only',
      'never',
      'any',
    ]);
  });
});
