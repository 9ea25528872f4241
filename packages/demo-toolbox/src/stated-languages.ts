/**
 * Languages by their English names, the many-word ones first where a shorter name is part of them ("Brazilian
 * Portuguese" before "Portuguese"). Not every language: a request naming one that is missing falls back to copying
 * the name from the request (`unstated: 'context'`).
 */
const LANGUAGES: readonly string[] = [
  'Brazilian Portuguese', 'European Portuguese', 'Mandarin Chinese', 'Simplified Chinese', 'Traditional Chinese', 'Haitian Creole',
  'Scottish Gaelic', 'Irish Gaelic', 'Canadian French', 'Latin American Spanish', 'Sign Language',
  'Afrikaans', 'Albanian', 'Amharic', 'Arabic', 'Armenian', 'Azerbaijani', 'Basque', 'Belarusian', 'Bengali', 'Bosnian',
  'Bulgarian', 'Burmese', 'Cantonese', 'Catalan', 'Cebuano', 'Chinese', 'Croatian', 'Czech', 'Danish', 'Dutch', 'English',
  'Esperanto', 'Estonian', 'Farsi', 'Filipino', 'Finnish', 'Flemish', 'French', 'Frisian', 'Galician', 'Georgian', 'German',
  'Greek', 'Gujarati', 'Hausa', 'Hawaiian', 'Hebrew', 'Hindi', 'Hmong', 'Hungarian', 'Icelandic', 'Igbo', 'Indonesian',
  'Irish', 'Italian', 'Japanese', 'Javanese', 'Kannada', 'Kazakh', 'Khmer', 'Kinyarwanda', 'Korean', 'Kurdish', 'Kyrgyz',
  'Lao', 'Latin', 'Latvian', 'Lithuanian', 'Luxembourgish', 'Macedonian', 'Malagasy', 'Malay', 'Malayalam', 'Maltese',
  'Mandarin', 'Maori', 'Marathi', 'Mongolian', 'Nepali', 'Norwegian', 'Odia', 'Pashto', 'Persian', 'Polish', 'Portuguese',
  'Punjabi', 'Quechua', 'Romanian', 'Russian', 'Samoan', 'Serbian', 'Sesotho', 'Shona', 'Sindhi', 'Sinhala', 'Slovak',
  'Slovenian', 'Somali', 'Spanish', 'Sundanese', 'Swahili', 'Swedish', 'Tagalog', 'Tajik', 'Tamil', 'Tatar', 'Telugu',
  'Thai', 'Tibetan', 'Tigrinya', 'Turkish', 'Turkmen', 'Ukrainian', 'Urdu', 'Uyghur', 'Uzbek', 'Vietnamese', 'Welsh',
  'Wolof', 'Xhosa', 'Yiddish', 'Yoruba', 'Zulu',
];

const LANGUAGE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LANGUAGES.map((name) => name.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The languages a text names, as it writes them ("punjabi" stays lower-case, as the request wrote it), in order,
 * each once: translate_text's `target_language`. A text to translate may name a language too ("Do you speak
 * English?"); the model then chooses between the two.
 */
export function languagesIn(text: string): string[] {
  const named: string[] = [];
  for (const [name] of text.matchAll(LANGUAGE_PATTERN)) if (!named.includes(name)) named.push(name);
  return named;
}
