import { describe, expect, it } from 'vitest';
import { buildMergePrompt } from './merge-prompt';

describe('the merge prompt', () => {
  it('holds the question and every answer, numbered and named by model, between markers, in column order', () => {
    const prompt = buildMergePrompt('  Which sort for 10 items? ', [
      { model: 'a/one', answer: 'Insertion sort.\n' },
      { model: 'b/two', answer: '## Heading\nQuicksort.' },
    ]);
    expect(prompt).toBe(
      [
        '2 models answered the same question. Combine their answers into one answer: keep what each got right, drop ' +
          'what is wrong or repeated, and say plainly where they disagree. Reply with the combined answer only.',
        '',
        '=== Question ===',
        'Which sort for 10 items?',
        '',
        '=== Answer 1 (a/one) ===',
        'Insertion sort.',
        '',
        '=== Answer 2 (b/two) ===',
        '## Heading\nQuicksort.',
        '',
        '=== End of answers ===',
      ].join('\n'),
    );
  });

  it('leaves out empty answers (a failed column) and counts only the rest', () => {
    const prompt = buildMergePrompt('Q', [
      { model: 'a/one', answer: 'A' },
      { model: 'x/failed', answer: '  ' },
      { model: 'c/three', answer: 'C' },
    ]);
    expect(prompt).toMatch(/^2 models answered/);
    expect(prompt).not.toContain('x/failed');
    expect(prompt).toContain('=== Answer 2 (c/three) ===\nC');
  });

  it('has nothing to merge with fewer than two answers', () => {
    expect(buildMergePrompt('Q', [{ model: 'a/one', answer: 'A' }])).toBeNull();
    expect(
      buildMergePrompt('Q', [
        { model: 'a/one', answer: 'A' },
        { model: 'b/two', answer: '' },
      ]),
    ).toBeNull();
  });
});
