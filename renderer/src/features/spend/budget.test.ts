import { describe, expect, it } from 'vitest';
import { askBeforeSend, budgetShare, dueWarnings } from './budget';

describe('askBeforeSend', () => {
  const facts = { monthSpent: '19.99', budget: '20', estimateHigh: '0.01', limitRemaining: null };

  it('sends at once while the month plus the estimate stays within the budget — exactly at it too', () => {
    expect(askBeforeSend(facts)).toBeNull();
    expect(askBeforeSend({ ...facts, estimateHigh: '0.009999999999' })).toBeNull();
  });

  it('asks when the month plus the estimate would pass the budget, by as little as a picodollar', () => {
    expect(askBeforeSend({ ...facts, estimateHigh: '0.010000000001' })).toMatch(
      /^This may take you over your \$20\.00 monthly budget\. Send anyway\?/,
    );
  });

  it('respects the key’s own limit the same way', () => {
    expect(askBeforeSend({ ...facts, budget: null, estimateHigh: '0.6', limitRemaining: 0.5 })).toMatch(
      /more than the \$0\.50 left under your key's spending limit/,
    );
    expect(askBeforeSend({ ...facts, budget: null, estimateHigh: '0.5', limitRemaining: 0.5 })).toBeNull();
  });

  it('never asks without an estimate (a free model) or without a budget and limit', () => {
    expect(askBeforeSend({ ...facts, estimateHigh: null, monthSpent: '100' })).toBeNull();
    expect(askBeforeSend({ monthSpent: '100', budget: null, estimateHigh: '5', limitRemaining: null })).toBeNull();
  });
});

describe('dueWarnings', () => {
  const base = {
    monthSpent: '16',
    budget: '20',
    limit: null,
    limitRemaining: null,
    month: '2026-12',
    budgetWarnedMonth: null,
    keyLimitWarnedMonth: null,
  };

  it('warns at 80 % of the budget, not a picodollar before', () => {
    expect(dueWarnings(base).budget).toBe('You have spent $16.00 of your $20.00 monthly budget (80 %).');
    expect(dueWarnings({ ...base, monthSpent: '15.999999999999' }).budget).toBeNull();
  });

  it('warns once a month: not again this month, again the next', () => {
    expect(dueWarnings({ ...base, budgetWarnedMonth: '2026-12' }).budget).toBeNull();
    expect(dueWarnings({ ...base, budgetWarnedMonth: '2026-11' }).budget).not.toBeNull();
  });

  it('warns when the key has 20 % or less of its limit left', () => {
    expect(dueWarnings({ ...base, budget: null, limit: 25, limitRemaining: 5 }).keyLimit).toBe(
      'Your key has $5.00 left of its $25.00 spending limit.',
    );
    expect(dueWarnings({ ...base, budget: null, limit: 25, limitRemaining: 5.01 }).keyLimit).toBeNull();
    expect(dueWarnings({ ...base, limit: 25, limitRemaining: 1, keyLimitWarnedMonth: '2026-12' }).keyLimit).toBeNull();
  });
});

describe('budgetShare', () => {
  it('is the share spent, capped at the whole, and absent without a budget', () => {
    expect(budgetShare('5', '20')).toBe(0.25);
    expect(budgetShare('30', '20')).toBe(1);
    expect(budgetShare('5', null)).toBeNull();
  });
});
