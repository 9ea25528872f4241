import { defineTemplates } from '../templates/template.js';

/**
 * Request frames for made-up tools. `{action}` is the verb ("track"), `{object}` the noun with its article
 * ("the package"), `{details}` the stated fields: `inline` ("with tracking number X and carrier DHL"),
 * `list` ("tracking number: X, carrier: DHL") or `sentences` ("The tracking number is X."). A `capital`
 * variant starts a sentence.
 */
export const PROCEDURAL_REQUEST_TEMPLATES = defineTemplates('procedural', {
  sentences: [
    '{action:capital} {object} {details:inline}',
    '{action:capital} {object} {details:inline}.',
    'Please {action} {object} {details:inline}.',
    'please {action} {object} {details:inline}',
    'Can you {action} {object} {details:inline}?',
    'Could you {action} {object} {details:inline}, please?',
    'I need to {action} {object} {details:inline}.',
    'I\'d like to {action} {object} {details:inline}.',
    '{action:capital} {object}. {details:sentences}',
    'Please {action} {object}. {details:sentences}',
    '{action:capital} {object}: {details:list}',
    'Can you {action} {object}? {details:list}',
    '{details:sentences} Please {action} {object}.',
    'Hi, I want to {action} {object} {details:inline}.',
    'Help me {action} {object} {details:inline}.',
    'Go ahead and {action} {object}: {details:list}.',
    '{action:capital} {object} with these details: {details:list}',
    'Would you {action} {object} for me? {details:sentences}',
    'Time to {action} {object} {details:inline}.',
    'We need to {action} {object} {details:inline} as soon as possible.',
    'Hey! {action:capital} {object} {details:inline}, thanks.',
    'Quick request: {action} {object} ({details:list}).',
    'Is it possible to {action} {object} {details:inline}?',
    'Kindly {action} {object} {details:inline}.',
    '{details:list}\n{action:capital} {object}, please.',
    'I would like you to {action} {object}. Details: {details:list}.',
    'Can we {action} {object}? {details:sentences}',
    'For me, {action} {object} {details:inline}.',
  ],
});
