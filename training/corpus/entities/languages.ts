/** Languages to translate into. The phrasebook's five (demo-toolbox) stay in training: see entity-pools.ts. */
export const LANGUAGES: readonly string[] = [
  'Spanish', 'French', 'German', 'Italian', 'Portuguese', 'Dutch', 'Swedish', 'Norwegian', 'Danish', 'Finnish',
  'Polish', 'Czech', 'Slovak', 'Hungarian', 'Romanian', 'Bulgarian', 'Greek', 'Turkish', 'Russian', 'Ukrainian',
  'Arabic', 'Hebrew', 'Persian', 'Hindi', 'Bengali', 'Urdu', 'Tamil', 'Punjabi', 'Japanese', 'Korean',
  'Mandarin', 'Cantonese', 'Vietnamese', 'Thai', 'Indonesian', 'Malay', 'Tagalog', 'Swahili', 'Amharic', 'Yoruba',
  'Zulu', 'Icelandic', 'Irish', 'Welsh', 'Catalan', 'Basque', 'Croatian', 'Serbian', 'Estonian', 'Latvian',
];

export const PHRASEBOOK_LANGUAGES: readonly string[] = ['Spanish', 'French', 'German', 'Italian', 'Portuguese'];
