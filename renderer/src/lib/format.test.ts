import { describe, expect, it } from 'vitest';
import {
  formatCost,
  formatExactCost,
  formatCredit,
  formatPricePerMillion,
  formatTokens,
  maskKey,
  shortModelName,
  formatDateTime,
} from './format';

describe('formatCost', () => {
  it('keeps two significant digits for fractions of a cent', () => {
    expect(formatCost(0.000024)).toBe('$0.000024');
    expect(formatCost(0.0000241234)).toBe('$0.000024');
    expect(formatCost(0.00315)).toBe('$0.0032');
    expect(formatCost(0.0001)).toBe('$0.0001');
  });

  it('reads cents and dollars as money', () => {
    expect(formatCost(0.15)).toBe('$0.15');
    expect(formatCost(0.5)).toBe('$0.50');
    expect(formatCost(0.0123)).toBe('$0.012');
    expect(formatCost(1.2)).toBe('$1.20');
    expect(formatCost(1234.5)).toBe('$1,234.50');
  });

  it('works on exact decimals: no float ever rounds the recorded figure twice', () => {
    expect(formatCost('0.00010425')).toBe('$0.0001');
    expect(formatCost('0.000000000001')).toBe('$0.000000000001');
    expect(formatCost('1234567.891')).toBe('$1,234,567.89');
    expect(formatCost('0.005')).toBe('$0.005');
  });

  it('says "<$0.0001" for tiny amounts in compact places', () => {
    expect(formatCost('0.00002415', { compact: true })).toBe('<$0.0001');
    expect(formatCost('0.0001', { compact: true })).toBe('$0.0001');
    expect(formatCost('0', { compact: true })).toBe('$0');
  });

  it('handles zero, negatives and non-numbers', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(-0.000024)).toBe('-$0.000024');
    expect(formatCost(Number.NaN)).toBe('—');
  });

  it('pads cents and reads a whole dollar as money', () => {
    expect(formatCost(1)).toBe('$1.00');
    expect(formatCost(1.05)).toBe('$1.05');
    expect(formatCost('2000.07')).toBe('$2,000.07');
    expect(formatCost(-1.05)).toBe('-$1.05');
  });

  it('keeps a tiny refund or correction exact even in compact places (only charges collapse to "<$0.0001")', () => {
    expect(formatCost('-0.00002', { compact: true })).toBe('-$0.00002');
  });
});

describe('formatExactCost', () => {
  it('gives the recorded figure to its last digit, grouped, never in exponent form', () => {
    expect(formatExactCost('0.00010425')).toBe('$0.00010425');
    expect(formatExactCost('1234.5')).toBe('$1,234.5');
    expect(formatExactCost(1e-7)).toBe('$0.0000001');
    expect(formatExactCost('-0.5')).toBe('-$0.5');
  });

  it('gives nothing signed for zero, and a dash for a figure that is not one', () => {
    expect(formatExactCost(0)).toBe('$0');
    expect(formatExactCost(Number.NaN)).toBe('—');
  });
});

describe('formatCredit', () => {
  it('shows balances in cents', () => {
    expect(formatCredit(20.5)).toBe('$20.50');
    expect(formatCredit(0)).toBe('$0.00');
    expect(formatCredit(12345.678)).toBe('$12,345.68');
  });

  it('says "no limit" for a key without a cap', () => {
    expect(formatCredit(null)).toBe('no limit');
    expect(formatCredit(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('does not round a last fraction of a cent to zero', () => {
    expect(formatCredit(0.0042)).toBe('$0.0042');
    expect(formatCredit(-0.5)).toBe('-$0.50');
  });
});

describe('formatPricePerMillion', () => {
  it('converts per-token prices to per-million', () => {
    expect(formatPricePerMillion(0.00000015)).toBe('$0.15/M');
    expect(formatPricePerMillion(0.0000025)).toBe('$2.50/M');
    expect(formatPricePerMillion(0.000000075)).toBe('$0.075/M');
  });

  it('names free and variable prices', () => {
    expect(formatPricePerMillion(0)).toBe('free');
    expect(formatPricePerMillion(null)).toBe('variable');
  });
});

describe('small labels', () => {
  it('counts tokens with grouping and plural', () => {
    expect(formatTokens(1)).toBe('1 token');
    expect(formatTokens(123)).toBe('123 tokens');
    expect(formatTokens(12345)).toBe('12,345 tokens');
  });

  it('masks the key to its tail', () => {
    expect(maskKey('abcd')).toBe('sk-or-…abcd');
    expect(maskKey(null)).toBe('sk-or-…');
  });

  it('drops the author from a model id', () => {
    expect(shortModelName('openai/gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(shortModelName('local-model')).toBe('local-model');
    expect(shortModelName('x/y')).toBe('y');
    expect(shortModelName('meta-llama/llama-3/variant')).toBe('llama-3/variant');
  });
});

describe('formatDateTime', () => {
  it('names the day with its year, in the local time zone', () => {
    const text = formatDateTime(new Date(2026, 11, 2, 13, 5).getTime());
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/5/);
  });
});
