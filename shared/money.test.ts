import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUsd, fromPico, sumUsd, toPico, toUsd } from './money';

describe('toPico / fromPico', () => {
  it('reads the digits OpenRouter reported, whatever form the number took', () => {
    expect(toPico(0.00002415)).toBe(24_150_000n);
    expect(toPico('0.00002415')).toBe(24_150_000n);
    expect(toPico(2.415e-7)).toBe(241_500n);
    expect(toPico('1e-12')).toBe(1n);
    expect(toPico(0)).toBe(0n);
    expect(toPico('-1.5')).toBe(-1_500_000_000_000n);
    expect(toPico(1234567.89)).toBe(1_234_567_890_000_000_000n);
    expect(toPico(' 0.5\n')).toBe(500_000_000_000n);
  });

  it('rounds past the twelfth decimal, half away from zero', () => {
    expect(toPico('0.0000000000004')).toBe(0n);
    expect(toPico('0.0000000000005')).toBe(1n);
    expect(toPico('-0.0000000000005')).toBe(-1n);
  });

  it('refuses what is not a finite number', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'Infinity',
      '',
      '.',
      'abc',
      '1,5',
      '0x10',
      null,
      undefined,
    ]) {
      expect(toPico(bad)).toBeNull();
    }
    expect(toUsd('abc')).toBeNull();
    expect(toUsd(Number.NaN)).toBeNull();
  });

  it('refuses an exponent past 400 at once, instead of building a number with millions of digits', () => {
    const started = Date.now();
    expect(toPico('1e999999999')).toBeNull();
    expect(toPico('1e-999999999')).toBeNull();
    expect(toPico('1e401')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    // The bound is generous: 1e400 is still read exactly.
    expect(toPico('1e400')).toBe(10n ** 412n);
  });

  it('writes plain decimals, never an exponent', () => {
    expect(fromPico(24_150_000n)).toBe('0.00002415');
    expect(fromPico(1n)).toBe('0.000000000001');
    expect(fromPico(0n)).toBe('0');
    expect(fromPico(-1_500_000_000_000n)).toBe('-1.5');
    expect(toUsd(1e-7)).toBe('0.0000001');
  });

  it('round-trips every picodollar amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (pico) => toPico(fromPico(pico)) === pico),
    );
  });

  it('round-trips every double OpenRouter could send, to its shortest digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 4, max: 10 }), (digits, scale) => {
        const reported = digits / 10 ** scale;
        return Number(toUsd(reported)) === reported;
      }),
    );
  });
});

describe('sumUsd', () => {
  it('adds many random tiny costs exactly, where floats drift', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999_999 }), { minLength: 1, maxLength: 2_000 }), (units) => {
        // Each cost has up to 8 significant digits at 1e-12 scale: "0.000000012345" and the like.
        const costs = units.map((u) => fromPico(BigInt(u)));
        const exact = units.reduce((sum, u) => sum + BigInt(u), 0n);
        return toPico(sumUsd(costs)) === exact;
      }),
    );
    const tenths = Array.from({ length: 10 }, () => '0.1');
    expect(sumUsd(tenths)).toBe('1');
    expect(tenths.reduce((sum, x) => sum + Number(x), 0)).not.toBe(1);
  });

  it('leaves unknown figures out, and is zero for nothing', () => {
    expect(sumUsd([null, '0.5', null])).toBe('0.5');
    expect(sumUsd([])).toBe('0');
  });

  it('compares exactly', () => {
    expect(compareUsd('0.000000000002', '0.000000000001')).toBe(1);
    expect(compareUsd('20', '20.000')).toBe(0);
    expect(compareUsd('19.999999999999', '20')).toBe(-1);
  });
});
