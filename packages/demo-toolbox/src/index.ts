export { demoTools, type DemoTool, type DemoToolName } from './demo-tools.js';
export {
  add_todo,
  book_table,
  calculate,
  convert_currency,
  create_event,
  get_stock_price,
  get_weather,
  play_music,
  search_flights,
  send_email,
  set_timer,
  translate_text,
} from './demo-tools.js';
export { conversionDirection } from './conversion-direction.js';
export { CURRENCY_NAMES, currenciesIn, currencyMentions, type CurrencyMention, type CurrencyName } from './currency-names.js';
export { evaluateArithmetic } from './evaluate-arithmetic.js';
export { LISTED_COMPANIES, companyMentions, type CompanyMention } from './listed-companies.js';
export { USD_PER_UNIT } from './formats.js';
export { stableHash } from './stable-hash.js';
export { minutesIn } from './stated-durations.js';
export { languagesIn } from './stated-languages.js';
export { prioritiesIn } from './stated-priorities.js';
export { shuffleIn } from './stated-shuffle.js';
export { temperatureUnitsIn } from './stated-temperature-units.js';
export { tickersIn } from './stated-tickers.js';
export { ARITHMETIC_EXPRESSION, expressionsIn } from './stated-expressions.js';
