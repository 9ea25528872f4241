const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0 to 99 in words ("forty-five"): people say small counts and minutes this way. */
export function numberInWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) throw new RangeError(`No words for ${value}.`);
  if (value < 20) return ONES[value] as string;
  const tens = TENS[Math.floor(value / 10)] as string;
  return value % 10 === 0 ? tens : `${tens}-${ONES[value % 10] as string}`;
}

/** Reads back what `numberInWords` writes; undefined for anything else. */
export function wordsToNumber(words: string): number | undefined {
  const lower = words.toLowerCase();
  for (let value = 0; value < 100; value++) if (numberInWords(value) === lower) return value;
  return undefined;
}

/** 1250 → "1,250": a request that writes this holds a number the call has to normalise. */
export function withThousandsSeparators(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Whether `value`'s JSON form occurs in `text` as a whole number token (not inside 2025 or 12.50). */
export function containsNumber(text: string, value: number): boolean {
  const escaped = String(value).replace('.', '\\.');
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`).test(text);
}
