/**
 * A set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges, flattened:
 * `[lo0, hi0, lo1, hi1, ...]`. Immutable by convention.
 */
export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;
export const EMPTY_SET: CharSet = [];
export const ANY_CHAR: CharSet = [0, MAX_CODE_POINT];

export function charRange(lo: number, hi: number): CharSet {
  return lo > hi ? EMPTY_SET : [lo, hi];
}

export function singleChar(codePoint: number): CharSet {
  return [codePoint, codePoint];
}

/** Normalises arbitrary ranges (unsorted, overlapping) into a CharSet. */
export function fromRanges(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).map(([lo, hi]) => [lo, hi] as [number, number]);
  sorted.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (out.length > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function union(...sets: readonly CharSet[]): CharSet {
  const ranges: [number, number][] = [];
  for (const set of sets) for (let i = 0; i < set.length; i += 2) ranges.push([set[i] as number, set[i + 1] as number]);
  return fromRanges(ranges);
}

export function complement(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    if (lo > next) out.push(next, lo - 1);
    next = (set[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo <= hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

export function subtract(a: CharSet, b: CharSet): CharSet {
  return intersect(a, complement(b));
}

export function hasChar(set: CharSet, codePoint: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < (set[2 * mid] as number)) hi = mid - 1;
    else if (codePoint > (set[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

export function isEmptySet(set: CharSet): boolean {
  return set.length === 0;
}

/** ECMAScript `\s` (with the `u` flag): WhiteSpace and LineTerminator. */
export const WHITESPACE: CharSet = fromRanges([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
export const DIGITS: CharSet = [0x30, 0x39];
export const WORD: CharSet = fromRanges([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
/** `.` without the `s` flag: anything but line terminators. */
export const DOT: CharSet = complement(fromRanges([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]));
/** UTF-16 surrogates: not characters, never produced. */
export const SURROGATES: CharSet = [0xd800, 0xdfff];
