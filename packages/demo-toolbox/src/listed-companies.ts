/**
 * The listings the demo quotes by name: large companies traded in New York (foreign ones by their US listing),
 * with the names people call them by. A quote service resolves a name to its symbol the same way (a symbol
 * search), and a model the size of the default one cannot know tickers it never saw ("Merck" is MRK).
 * Left out: companies whose names are everyday words or surnames (Target, Visa, Shell, Delta, Ford, Block, Gap),
 * which a request uses for other things.
 */
export const LISTED_COMPANIES: Readonly<Record<string, readonly string[]>> = {
  // Technology and communication
  AAPL: ['Apple'],
  MSFT: ['Microsoft'],
  GOOGL: ['Alphabet', 'Google'],
  AMZN: ['Amazon'],
  META: ['Meta Platforms', 'Meta', 'Facebook'],
  NVDA: ['Nvidia', 'NVIDIA'],
  TSLA: ['Tesla'],
  NFLX: ['Netflix'],
  ADBE: ['Adobe'],
  CRM: ['Salesforce'],
  INTC: ['Intel'],
  AMD: ['Advanced Micro Devices'],
  QCOM: ['Qualcomm'],
  AVGO: ['Broadcom'],
  CSCO: ['Cisco'],
  IBM: ['International Business Machines'],
  ORCL: ['Oracle'],
  TXN: ['Texas Instruments'],
  MU: ['Micron'],
  AMAT: ['Applied Materials'],
  INTU: ['Intuit'],
  NOW: ['ServiceNow'],
  PYPL: ['PayPal'],
  UBER: ['Uber'],
  LYFT: ['Lyft'],
  ABNB: ['Airbnb'],
  SPOT: ['Spotify'],
  SHOP: ['Shopify'],
  ZM: ['Zoom Video', 'Zoom'],
  SNOW: ['Snowflake'],
  PLTR: ['Palantir'],
  DELL: ['Dell'],
  HPQ: ['HP Inc'],
  EBAY: ['eBay'],
  ETSY: ['Etsy'],
  PINS: ['Pinterest'],
  SNAP: ['Snapchat'],
  RBLX: ['Roblox'],
  DASH: ['DoorDash'],
  EA: ['Electronic Arts'],
  TTWO: ['Take-Two'],
  T: ['AT&T'],
  VZ: ['Verizon'],
  TMUS: ['T-Mobile'],
  CMCSA: ['Comcast'],
  DIS: ['Disney', 'Walt Disney'],
  WBD: ['Warner Bros. Discovery', 'Warner Bros'],
  // Consumer
  KO: ['Coca-Cola', 'Coca Cola'],
  PEP: ['PepsiCo', 'Pepsi'],
  MCD: ['McDonald’s', "McDonald's", 'McDonalds'],
  SBUX: ['Starbucks'],
  CMG: ['Chipotle'],
  NKE: ['Nike'],
  WMT: ['Walmart'],
  COST: ['Costco'],
  HD: ['Home Depot'],
  LOW: ['Lowe’s', "Lowe's"],
  PG: ['Procter & Gamble', 'Procter and Gamble'],
  CL: ['Colgate-Palmolive', 'Colgate'],
  EL: ['Estée Lauder', 'Estee Lauder'],
  KHC: ['Kraft Heinz'],
  MDLZ: ['Mondelez'],
  PM: ['Philip Morris'],
  BKNG: ['Booking Holdings', 'Booking.com'],
  EXPE: ['Expedia'],
  MAR: ['Marriott'],
  HLT: ['Hilton'],
  // Industry, energy and transport
  BA: ['Boeing'],
  CAT: ['Caterpillar'],
  HON: ['Honeywell'],
  LMT: ['Lockheed Martin', 'Lockheed'],
  RTX: ['Raytheon', 'RTX Corporation'],
  GE: ['General Electric'],
  GM: ['General Motors'],
  MMM: ['3M'],
  DE: ['John Deere', 'Deere'],
  UPS: ['United Parcel Service'],
  FDX: ['FedEx'],
  XOM: ['ExxonMobil', 'Exxon Mobil', 'Exxon'],
  CVX: ['Chevron'],
  COP: ['ConocoPhillips'],
  RIVN: ['Rivian'],
  // Finance
  JPM: ['JPMorgan Chase', 'JPMorgan', 'JP Morgan'],
  GS: ['Goldman Sachs'],
  MS: ['Morgan Stanley'],
  BAC: ['Bank of America'],
  WFC: ['Wells Fargo'],
  C: ['Citigroup', 'Citi'],
  MA: ['Mastercard'],
  AXP: ['American Express', 'Amex'],
  BRK: ['Berkshire Hathaway', 'Berkshire'],
  BLK: ['BlackRock'],
  SCHW: ['Charles Schwab'],
  // Health
  JNJ: ['Johnson & Johnson', 'Johnson and Johnson'],
  PFE: ['Pfizer'],
  MRK: ['Merck'],
  ABBV: ['AbbVie'],
  LLY: ['Eli Lilly'],
  UNH: ['UnitedHealth'],
  MRNA: ['Moderna'],
  AMGN: ['Amgen'],
  GILD: ['Gilead'],
  BMY: ['Bristol-Myers Squibb', 'Bristol Myers Squibb'],
  CVS: ['CVS Health'],
  TMO: ['Thermo Fisher'],
  // Listed abroad, quoted by their US listing
  TM: ['Toyota'],
  HMC: ['Honda'],
  SONY: ['Sony'],
  BABA: ['Alibaba'],
  TSM: ['Taiwan Semiconductor', 'TSMC'],
  ASML: ['ASML Holding'],
  SAP: ['SAP SE'],
  NVO: ['Novo Nordisk'],
  AZN: ['AstraZeneca'],
  UL: ['Unilever'],
  NSRGY: ['Nestlé', 'Nestle'],
  BP: ['BP plc'],
  HSBC: ['HSBC Holdings'],
  SHEL: ['Royal Dutch Shell'],
  NTDOY: ['Nintendo'],
  SSNLF: ['Samsung Electronics', 'Samsung'],
  BIDU: ['Baidu'],
  JD: ['JD.com'],
  PDD: ['PDD Holdings', 'Temu'],
  NIO: ['NIO Inc'],
  SE: ['Sea Limited'],
  MELI: ['MercadoLibre', 'Mercado Libre'],
};

/** Curly and straight apostrophes are one character to a reader ("McDonald’s", "McDonald's"). */
const straightened = (text: string) => text.replace(/[’‘]/g, "'");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TICKER_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(LISTED_COMPANIES).flatMap(([ticker, names]) => names.map((name) => [straightened(name), ticker] as const)),
);
// Names as written (a company's name is a proper noun: "apple pie" names no stock), longest first so that
// "Meta Platforms" wins over "Meta"; a name ends where a word does, a possessive ("Apple's") included.
const NAME_PATTERN = new RegExp(
  [...TICKER_BY_NAME.keys()]
    .sort((left, right) => right.length - left.length)
    .map((name) => `(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}&])`)
    .join('|'),
  'gu',
);

/** Where a text names a listed company: its ticker, and the offsets of the name. */
export interface CompanyMention {
  readonly ticker: string;
  readonly at: number;
  readonly end: number;
}

/** Every listed company a text names, in order ("the price of Wells Fargo shares" → WFC at 17). */
export function companyMentions(text: string): CompanyMention[] {
  return [...straightened(text).matchAll(NAME_PATTERN)].flatMap((match) => {
    const ticker = TICKER_BY_NAME.get(match[0]);
    return ticker === undefined ? [] : [{ ticker, at: match.index, end: match.index + match[0].length }];
  });
}
