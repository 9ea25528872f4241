import type { ByteAutomaton } from './byte-automaton.js';

/** Bounds and shape of a JSON number or integer. */
export interface NumberSpec {
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  /**
   * Values must be multiples, checked as validators do (`value / multipleOf` an integer in floating point);
   * decimal steps such as 0.01 are supported (values with that many decimals at most).
   */
  readonly multipleOf?: number;
  /** Significant digits at most (integer and fraction part together); 15 keeps every value exact in a double. */
  readonly maxDigits?: number;
  /** Fraction digits at most. */
  readonly maxFractionDigits?: number;
}

const DEFAULT_MAX_DIGITS = 15;
const DEFAULT_MAX_FRACTION = 6;
const MAX_EXPONENT_DIGITS = 2;

/**
 * JSON numbers as text: sign, integer part, fraction, exponent (exponents only when the number has no
 * bounds). The state is the text so far. With bounds, a prefix is live only when a completion inside the
 * bounds exists, and that completion is found and checked with the same double comparison a validator makes,
 * so a walk never reaches a prefix it cannot finish, and every accepted text lies in range.
 */
export class NumberAutomaton implements ByteAutomaton<string> {
  readonly name: string;
  readonly start = '';
  readonly acyclic = false;
  readonly spec: NumberSpec;
  private readonly bounded: boolean;
  private readonly maxDigits: number;
  private readonly maxFraction: number;
  private readonly witnesses = new Map<string, string | null>();
  /** Decimals of multipleOf (0 for integer steps). */
  private readonly decimals: number;

  constructor(spec: NumberSpec) {
    this.spec = spec;
    this.name = spec.integer ? 'integer' : 'number';
    this.bounded =
      spec.minimum !== undefined ||
      spec.maximum !== undefined ||
      spec.exclusiveMinimum !== undefined ||
      spec.exclusiveMaximum !== undefined ||
      spec.multipleOf !== undefined;
    this.maxDigits = spec.maxDigits ?? DEFAULT_MAX_DIGITS;
    this.decimals = spec.multipleOf === undefined ? 0 : decimalsOf(spec.multipleOf);
    const fractionCap = spec.maxFractionDigits ?? DEFAULT_MAX_FRACTION;
    this.maxFraction = spec.integer ? 0 : spec.multipleOf !== undefined ? Math.min(this.decimals, fractionCap) : fractionCap;
  }

  /** Whether some value satisfies the spec at all. */
  get satisfiable(): boolean {
    return this.witness('') !== undefined;
  }

  step(state: string, byte: number): string | undefined {
    const text = state + String.fromCharCode(byte);
    if (!this.isPrefix(text)) return undefined;
    return this.witness(text) === undefined ? undefined : text;
  }

  accepts(state: string): boolean {
    return this.isComplete(state) && this.inRange(state);
  }

  distance(state: string): number {
    return (this.witness(state) as string).length;
  }

  key(state: string): string {
    return state;
  }

  /** The shortest completion of `text` into an accepted number, or undefined. */
  witness(text: string): string | undefined {
    let cached = this.witnesses.get(text);
    if (cached === undefined) {
      cached = this.findWitness(text) ?? null;
      this.witnesses.set(text, cached);
    }
    return cached ?? undefined;
  }

  /** The grammar, digit limits included, as a prefix check. */
  private isPrefix(text: string): boolean {
    const match = /^(-?)(\d*)(\.(\d*))?([eE]([+-]?)(\d*))?$/.exec(text);
    if (match === null) return false;
    const [, , int = '', dot, frac = '', exp, , expDigits = ''] = match;
    if (int.length > 1 && int.startsWith('0')) return false;
    if ((dot !== undefined || exp !== undefined) && int === '') return false;
    if (dot !== undefined && (this.maxFraction === 0 || frac.length > this.maxFraction)) return false;
    if (int.length + frac.length > this.maxDigits) return false;
    if (exp !== undefined) {
      if (this.bounded || this.spec.integer) return false;
      if (dot !== undefined && frac === '') return false;
      if (expDigits.length > MAX_EXPONENT_DIGITS) return false;
    }
    return true;
  }

  private isComplete(text: string): boolean {
    return /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) && this.isPrefix(text) && !/^-0(\.0*)?$/.test(text);
  }

  /** The checks a JSON Schema validator makes, on the parsed double. */
  private inRange(text: string): boolean {
    const value = Number(text);
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = this.spec;
    if (!Number.isFinite(value)) return false;
    if (this.spec.integer && !Number.isInteger(value)) return false;
    if (minimum !== undefined && !(value >= minimum)) return false;
    if (maximum !== undefined && !(value <= maximum)) return false;
    if (exclusiveMinimum !== undefined && !(value > exclusiveMinimum)) return false;
    if (exclusiveMaximum !== undefined && !(value < exclusiveMaximum)) return false;
    if (multipleOf !== undefined && value / multipleOf !== Math.trunc(value / multipleOf)) return false;
    return true;
  }

  private findWitness(text: string): string | undefined {
    if (this.isComplete(text) && this.inRange(text)) return '';
    if (!this.bounded) return this.unboundedWitness(text);
    if (text === '') {
      const positive = this.boundedWitness('');
      const negative = this.boundedWitness('-');
      if (positive === undefined) return negative === undefined ? undefined : `-${negative}`;
      if (negative === undefined || positive.length <= negative.length + 1) return positive;
      return `-${negative}`;
    }
    return this.boundedWitness(text);
  }

  private unboundedWitness(text: string): string | undefined {
    const candidates = ['0', '1', '01', '.1', '0.1', '1.0'];
    for (const suffix of ['', ...candidates]) {
      const full = text + suffix;
      if (this.isPrefix(full) && this.isComplete(full) && this.inRange(full)) return suffix;
    }
    return undefined;
  }

  /**
   * Shortest completion with bounds, for a prefix that has no exponent. Candidates are enumerated by length:
   * j more integer digits and k fraction digits; for each shape the smallest value in range is computed
   * exactly with BigInt, then checked with doubles (a few neighbours are tried if rounding disagrees).
   */
  private boundedWitness(text: string): string | undefined {
    const match = /^(-?)(\d*)(\.(\d*))?$/.exec(text);
    if (match === null) return undefined;
    const negative = match[1] === '-';
    const int = match[2] ?? '';
    const hasDot = match[3] !== undefined;
    const frac = match[4] ?? '';
    const [lower, upper] = this.magnitudeBounds(negative);
    const shapes: { extraInt: number; fracDigits: number; length: number }[] = [];
    const intClosed = hasDot || int === '0';
    const maxExtraInt = intClosed ? 0 : this.maxDigits - int.length;
    for (let extraInt = 0; extraInt <= maxExtraInt; extraInt++) {
      if (int === '' && extraInt === 0) continue;
      const intLength = int.length + extraInt;
      const minFrac = hasDot ? Math.max(1, frac.length) : 0;
      const maxFrac = Math.min(this.maxFraction, this.maxDigits - intLength);
      for (let fracDigits = minFrac; fracDigits <= maxFrac; fracDigits++) {
        const length = extraInt + (hasDot ? fracDigits - frac.length : fracDigits > 0 ? fracDigits + 1 : 0);
        shapes.push({ extraInt, fracDigits, length });
      }
    }
    shapes.sort((a, b) => a.length - b.length || a.fracDigits - b.fracDigits);
    for (const { extraInt, fracDigits } of shapes) {
      // Integer parts allowed: `int` followed by extraInt digits.
      let intLow: bigint;
      let intHigh: bigint;
      if (int === '') {
        intLow = extraInt === 1 ? 0n : 10n ** BigInt(extraInt - 1);
        intHigh = 10n ** BigInt(extraInt) - 1n;
      } else {
        const base = BigInt(int) * 10n ** BigInt(extraInt);
        intLow = base;
        intHigh = base + 10n ** BigInt(extraInt) - 1n;
      }
      const scale = 10n ** BigInt(fracDigits);
      let low: bigint;
      let high: bigint;
      if (hasDot) {
        const fixed = BigInt(int + frac.padEnd(fracDigits, '0'));
        const free = 10n ** BigInt(fracDigits - frac.length);
        low = fixed;
        high = fixed + free - 1n;
      } else {
        low = intLow * scale;
        high = intHigh * scale + scale - 1n;
      }
      // Scaled grid values v stand for v / scale; intersect with the magnitude bounds.
      let from = low;
      let to = high;
      if (lower !== undefined) {
        const bound = ceilScaled(lower.value, scale);
        const atLeast = lower.exclusive && exactScaled(lower.value, scale) ? bound + 1n : bound;
        if (atLeast > from) from = atLeast;
      }
      if (upper !== undefined) {
        const bound = floorScaled(upper.value, scale);
        const atMost = upper.exclusive && exactScaled(upper.value, scale) ? bound - 1n : bound;
        if (atMost < to) to = atMost;
      }
      if (negative && from === 0n) from = 1n;
      const step = this.gridStep(fracDigits);
      if (step > 1n) {
        const remainder = ((from % step) + step) % step;
        if (remainder !== 0n) from += step - remainder;
      }
      // Floating-point division may reject an exact decimal multiple (0.07 / 0.01): try a few more.
      const attempts = this.spec.multipleOf === undefined ? 4 : 24;
      for (let attempt = 0; attempt < attempts && from + BigInt(attempt) * step <= to; attempt++) {
        const candidate = formatScaled(from + BigInt(attempt) * step, fracDigits, negative);
        if (candidate === undefined || !candidate.startsWith(text)) continue;
        if (this.isComplete(candidate) && this.isPrefix(candidate) && this.inRange(candidate)) return candidate.slice(text.length);
      }
    }
    return undefined;
  }

  /**
   * Spacing, in units of 10^-fracDigits, of the values that are multiples of multipleOf (= a / 10^decimals):
   * x = v / 10^k is a multiple when v * 10^(decimals - k) is a multiple of a.
   */
  private gridStep(fracDigits: number): bigint {
    const multiple = this.spec.multipleOf;
    if (multiple === undefined) return 1n;
    const a = BigInt(Math.round(multiple * 10 ** this.decimals));
    if (fracDigits >= this.decimals) return a * 10n ** BigInt(fracDigits - this.decimals);
    const scale = 10n ** BigInt(this.decimals - fracDigits);
    return a / gcdBig(a, scale);
  }

  /** Bounds on the magnitude |x| of a value with the given sign. */
  private magnitudeBounds(negative: boolean): [Bound | undefined, Bound | undefined] {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = this.spec;
    let low: Bound | undefined;
    let high: Bound | undefined;
    const tighterLow = (candidate: Bound): void => {
      if (low === undefined || candidate.value > low.value || (candidate.value === low.value && candidate.exclusive)) low = candidate;
    };
    const tighterHigh = (candidate: Bound): void => {
      if (high === undefined || candidate.value < high.value || (candidate.value === high.value && candidate.exclusive)) high = candidate;
    };
    // Value v = s * x. For s = +1: v >= min  <=>  x >= min. For s = -1: v >= min <=> x <= -min.
    const lowerValue: Bound[] = [];
    const upperValue: Bound[] = [];
    if (minimum !== undefined) lowerValue.push({ value: minimum, exclusive: false });
    if (exclusiveMinimum !== undefined) lowerValue.push({ value: exclusiveMinimum, exclusive: true });
    if (maximum !== undefined) upperValue.push({ value: maximum, exclusive: false });
    if (exclusiveMaximum !== undefined) upperValue.push({ value: exclusiveMaximum, exclusive: true });
    if (!negative) {
      lowerValue.forEach(tighterLow);
      upperValue.forEach(tighterHigh);
      tighterLow({ value: 0, exclusive: false });
    } else {
      lowerValue.forEach((bound) => tighterHigh({ value: -bound.value, exclusive: bound.exclusive }));
      upperValue.forEach((bound) => tighterLow({ value: -bound.value, exclusive: bound.exclusive }));
      tighterLow({ value: 0, exclusive: true });
    }
    return [low, high];
  }
}

function gcdBig(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcdBig(b, a % b);
}

/** Decimals needed to write a step exactly (0.25 → 2); steps that need more than 10 are refused upstream. */
export function decimalsOf(step: number): number {
  for (let decimals = 0; decimals <= 10; decimals++) {
    const scaled = step * 10 ** decimals;
    const rounded = Math.round(scaled);
    if (rounded >= 1 && Math.abs(scaled - rounded) <= 1e-9 * rounded) return decimals;
  }
  return 11;
}

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** A finite double as an exact fraction numerator / 2^shift. */
function exactFraction(value: number): { numerator: bigint; denominator: bigint } {
  if (Number.isInteger(value)) return { numerator: BigInt(value), denominator: 1n };
  let denominator = 1n;
  let scaled = value;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    denominator *= 2n;
  }
  return { numerator: BigInt(scaled), denominator };
}

function ceilScaled(value: number, scale: bigint): bigint {
  const { numerator, denominator } = exactFraction(value);
  const product = numerator * scale;
  const quotient = product / denominator;
  return product % denominator === 0n ? quotient : product > 0n ? quotient + 1n : quotient;
}

function floorScaled(value: number, scale: bigint): bigint {
  const { numerator, denominator } = exactFraction(value);
  const product = numerator * scale;
  const quotient = product / denominator;
  return product % denominator === 0n ? quotient : product < 0n ? quotient - 1n : quotient;
}

/** Whether value * scale is an integer (the bound itself lies on the grid). */
function exactScaled(value: number, scale: bigint): boolean {
  const { numerator, denominator } = exactFraction(value);
  return (numerator * scale) % denominator === 0n;
}

function formatScaled(scaled: bigint, fracDigits: number, negative: boolean): string | undefined {
  if (scaled < 0n) return undefined;
  const digits = scaled.toString().padStart(fracDigits + 1, '0');
  const int = digits.slice(0, digits.length - fracDigits);
  const frac = digits.slice(digits.length - fracDigits);
  return `${negative ? '-' : ''}${int}${fracDigits > 0 ? `.${frac}` : ''}`;
}
