import { defineTemplates } from './template.js';

export const CALCULATE_TEMPLATES = defineTemplates('calculate', {
  clauses: [
    'calculate {expression}',
    'work out {expression}',
    'compute {expression}',
    'figure out {expression}',
    'evaluate {expression}',
    'do the math on {expression}',
    'tell me what {expression} is',
    'solve {expression}',
    'crunch {expression}',
  ],
  sentences: [
    'What is {expression}?',
    'What\'s {expression}?',
    'How much is {expression}?',
    '{expression} = ?',
    '{expression}?',
    'Quick maths: {expression}',
    'Can you calculate {expression} for me?',
    'I need the result of {expression}.',
    'Please work out {expression}.',
    'What does {expression} come to?',
    'Could you tell me what {expression} equals?',
    'Help me with {expression}.',
    'what\'s {expression} equal to',
    'Calculate {expression}, please.',
    'I\'m doing my budget. What is {expression}?',
    'Would you mind computing {expression}?',
    'what do you get for {expression}',
  ],
});
