// Contract: exact money. Amounts cross the boundary as decimal strings of USD ("0.00002415") and are added as whole
// picodollars (1e-12 USD) in BigInt, never as accumulated floats, so a total is the exact sum of its parts.
//
// OpenRouter reports costs as JSON numbers whose digits are exact decimal figures (docs/openrouter-protocol.md §3.4, §3.10);
// a double's shortest form gives those digits back, so reading them through String() loses nothing. Figures finer
// than a picodollar (never seen: prices are whole fractions of a dollar per million tokens) round to the nearest one.

/** A USD amount as a plain decimal string: no exponent, no trailing zeros after the point, "-" for negatives. */
export type Usd = string;

export const picoPerUsd = 1_000_000_000_000n;
const decimals = 12;

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Picodollars of a decimal figure (a number, or a string such as "0.00002415", "2.4e-7"); null when it is not a
 * finite number. Digits past the twelfth decimal round half away from zero.
 */
export function toPico(value: number | string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = String(value).trim();
  const match = decimalPattern.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  // digits × 10^(exponent − fraction length) USD, shifted to picodollars.
  const digits = BigInt(`${whole}${fraction}` || '0');
  const shift = exponent - fraction.length + decimals;
  let pico: bigint;
  if (shift >= 0) {
    pico = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    pico = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) pico += 1n;
  }
  return sign === '-' ? -pico : pico;
}

/** The plain decimal form of an amount in picodollars: 24150000n → "0.00002415". */
export function fromPico(pico: bigint): Usd {
  const negative = pico < 0n;
  const abs = negative ? -pico : pico;
  const whole = abs / picoPerUsd;
  const fraction = (abs % picoPerUsd).toString().padStart(decimals, '0').replace(/0+$/, '');
  const text = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** The canonical decimal form of a figure as reported (a JSON number or string); null when it is not a number. */
export function toUsd(value: number | string | null | undefined): Usd | null {
  const pico = toPico(value);
  return pico === null ? null : fromPico(pico);
}

/** The exact sum of decimal amounts; null entries (unknown figures) are left out. */
export function sumUsd(amounts: readonly (Usd | null)[]): Usd {
  let total = 0n;
  for (const amount of amounts) {
    const pico = amount === null ? null : toPico(amount);
    if (pico !== null) total += pico;
  }
  return fromPico(total);
}

/** -1, 0 or 1, exactly. */
export function compareUsd(a: Usd, b: Usd): number {
  const x = toPico(a) ?? 0n;
  const y = toPico(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}
