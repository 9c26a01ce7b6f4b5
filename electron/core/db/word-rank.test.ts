import { describe, expect, it } from 'vitest';
import { bm25Scores, foldText, inverseFrequency, termPattern, termRanges } from './word-rank';

const pattern = (terms: string[]) => {
  const made = termPattern(terms);
  if (made === null) throw new Error('no pattern');
  return made;
};
const found = (text: string, terms: string[]) => termRanges(text, pattern(terms)).map(([a, b]) => text.slice(a, b));

describe('word ranking and highlighting, as the word index reads words', () => {
  it('folds case and Latin diacritics like unicode61', () => {
    expect(foldText('Café CRÈME')).toBe('cafe creme');
    expect(foldText('plain ascii')).toBe('plain ascii');
  });

  it('matches whole words, the last term as a prefix, a term of several words as those words in a row', () => {
    expect(found('The theme: then THE end', ['the'])).toEqual(['The', 'theme', 'then', 'THE']);
    expect(found('The theme: then THE end', ['the', 'end'])).toEqual(['The', 'THE', 'end']);
    expect(found('other bathe', ['the'])).toEqual([]);
    expect(found('Use gpt-4o or gpt 4o, not gpt4o', ['gpt-4o', 'x'])).toEqual(['gpt-4o', 'gpt 4o']);
    expect(found('un café crème', ['cafe', 'crem'])).toEqual(['café', 'crème']);
    // Hangul syllables change length when folded: matched word by word, offsets into the original text.
    expect(found('안녕 the 세계 theory', ['the'])).toEqual(['the', 'theory']);
  });

  it('scores more occurrences higher, a longer text lower, and a rare word above a common one', () => {
    const terms = ['zebra'];
    const [once, thrice, long] = bm25Scores(
      ['a zebra ran', 'zebra zebra zebra', `a zebra ran ${'far '.repeat(40)}`],
      pattern(terms),
      [1],
    );
    expect(thrice).toBeGreaterThan(once ?? 0);
    expect(once).toBeGreaterThan(long ?? 0);

    // Unweighted, eight of a common word beat three of a rare one; weighted by rarity, the rare one wins.
    const texts = [`${'common '.repeat(8)}rare rare`, `rare rare rare common ${'filler '.repeat(6)}`];
    const both = pattern(['common', 'rare']);
    const [manyCommon, manyRare] = bm25Scores(texts, both, [1, 1]);
    expect(manyCommon).toBeGreaterThan(manyRare ?? 0);
    const weights = [inverseFrequency(1000, 990), inverseFrequency(1000, 3)];
    const [weightedCommon, weightedRare] = bm25Scores(texts, both, weights);
    expect(weightedRare).toBeGreaterThan(weightedCommon ?? 0);
    expect(inverseFrequency(1000, 1000)).toBeGreaterThan(0);
  });
});
