/**
 * String formats as regular expressions over a *subset* of what validators accept: everything generated
 * passes ajv-formats' full mode (checked by a property test), but not every valid string can be generated
 * (no leap days, no IPv6 abbreviations, only http(s) URIs, ...). Anchored at both ends.
 */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const DATE =
  '[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,3})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])';
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?';
// Top-level domains of letters run to 18 (.travelersinsurance): .example and .photography are real ones.
const TOP_LEVEL_DOMAIN = '[a-z]{2,24}';
const HOST = `${LABEL}(?:\\.${LABEL})*`;
const PATH_SEGMENT = '[A-Za-z0-9._~-]*';
const URI = `https?://${HOST}(?::[1-9][0-9]{0,3})?(?:/${PATH_SEGMENT})*`;
const HEX4 = '[0-9a-f]{1,4}';

export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  date: `^${DATE}$`,
  time: `^${TIME}$`,
  'date-time': `^${DATE}T${TIME}$`,
  email: `^[a-z0-9](?:[a-z0-9_+-]{0,20}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_+-]{0,20}[a-z0-9])?)*@${LABEL}(?:\\.${LABEL})*\\.${TOP_LEVEL_DOMAIN}$`,
  'idn-email': `^[a-z0-9](?:[a-z0-9_+-]{0,20}[a-z0-9])?@${LABEL}(?:\\.${LABEL})*\\.${TOP_LEVEL_DOMAIN}$`,
  uuid: '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
  uri: `^${URI}$`,
  'uri-reference': `^${URI}$`,
  iri: `^${URI}$`,
  'iri-reference': `^${URI}$`,
  'uri-template': `^${URI}$`,
  url: `^https?://[a-z]{1,20}(?:\\.[a-z]{1,20})*\\.${TOP_LEVEL_DOMAIN}(?:/${PATH_SEGMENT})*$`,
  ipv4: `^${OCTET}(?:\\.${OCTET}){3}$`,
  ipv6: `^${HEX4}(?::${HEX4}){7}$`,
  hostname: `^(?=.{1,253}$)${HOST}$`,
  'idn-hostname': `^(?=.{1,253}$)${HOST}$`,
  duration: '^P[1-9][0-9]{0,2}D$',
  'json-pointer': '^(?:/[a-z0-9_]*)*$',
  'relative-json-pointer': '^(?:0|[1-9][0-9]{0,3})(?:/[a-z0-9_]*)*$',
  regex: '^[a-z0-9 ]*$',
};

/**
 * Formats that name something else than a string shape in some vocabularies, or that no validator checks:
 * annotations. They are reported as warnings by the compiler, never enforced and never refused.
 */
export function isKnownFormat(format: string): boolean {
  return Object.hasOwn(FORMAT_PATTERNS, format);
}
