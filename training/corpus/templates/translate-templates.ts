import { defineTemplates } from './template.js';

export const TRANSLATE_TEMPLATES = defineTemplates('translate_text', {
  clauses: [
    'translate "{text}" into {target_language}',
    'translate "{text}" to {target_language}',
    'say "{text}" in {target_language}',
    'tell me how to say "{text}" in {target_language}',
    'put "{text}" into {target_language}',
    'give me the {target_language} for "{text}"',
    'translate this into {target_language}: {text}',
    'translate \'{text}\' into {target_language}',
  ],
  sentences: [
    'How do you say "{text}" in {target_language}?',
    'What is "{text}" in {target_language}?',
    'Translate to {target_language}: {text}',
    'Can you translate "{text}" into {target_language}?',
    '{target_language} for "{text}"?',
    'How would I say “{text}” in {target_language}?',
    'Please translate the following into {target_language}: {text}',
    'I need "{text}" in {target_language}.',
    'What\'s the {target_language} translation of "{text}"?',
    'Could you help me say "{text}" in {target_language}?',
    'In {target_language}, how do I say "{text}"?',
    'Translate "{text}" ({target_language})',
    'how do i say \'{text}\' in {target_language}',
    'I\'m travelling soon. How do I say "{text}" in {target_language}?',
    '{target_language} please: "{text}"',
  ],
});
