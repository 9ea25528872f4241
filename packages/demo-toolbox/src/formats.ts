import { z } from 'zod';

/** A calendar date as YYYY-MM-DD (JSON Schema `format: "date"`). */
export const isoDate = () => z.iso.date();

/** A 24-hour clock time as HH:MM. */
export const clockTime = () => z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);

/** An ISO 4217 currency code such as USD. */
export const currencyCode = () => z.string().regex(/^[A-Z]{3}$/);

/** The currencies the demo knows, with illustrative fixed rates to the US dollar (not market data). */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  JPY: 0.0067,
  CHF: 1.12,
  CAD: 0.73,
  AUD: 0.66,
  CNY: 0.138,
  INR: 0.012,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.145,
  NZD: 0.61,
  MXN: 0.058,
  BRL: 0.2,
  KRW: 0.00073,
  SGD: 0.74,
  HKD: 0.128,
  ZAR: 0.054,
  PLN: 0.25,
  TRY: 0.031,
};
