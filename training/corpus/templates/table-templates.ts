import { defineTemplates } from './template.js';

export const TABLE_TEMPLATES = defineTemplates('book_table', {
  clauses: [
    'book a table at {restaurant} for {party_size} at {time}',
    'book a table for {party_size} at {restaurant} at {time} on {date}',
    'reserve a table at {restaurant} for {party_size} at {time}',
    'get us a table at {restaurant} for {party_size:count} at {time}',
    'make a reservation at {restaurant} for {party_size} on {date} at {time}',
    'reserve {restaurant} for {party_size} at {time}',
    'book {restaurant} at {time} for {party_size}',
    'grab a table for {party_size:count} at {restaurant}, {time}',
    'book us into {restaurant} on {date} at {time}, {party_size}',
  ],
  sentences: [
    'Can you book a table at {restaurant} for {party_size} at {time}?',
    'Table for {party_size:count} at {restaurant} at {time}, please.',
    'I\'d like to reserve a table for {party_size} at {restaurant} on {date} at {time}.',
    'Could you get us a table at {restaurant} at {time}? There will be {party_size}.',
    '{restaurant}, {party_size}, {time}',
    '{restaurant} for {party_size:count} at {time} on {date}',
    'There are {party_size:group} of us; please book {restaurant} for {time}.',
    'Please make a reservation at {restaurant} for {party_size} at {time} on {date}.',
    'Book {restaurant} today at {time} for {party_size}.',
    'Any chance you can reserve {restaurant} for {party_size} at {time}?',
    'Reservation at {restaurant}: {party_size}, {date}, {time}.',
    'Could you book a table for {party_size} at {restaurant}? We\'ll arrive at {time}.',
    'I would like to request a reservation at {restaurant} for {party_size} on {date}, at {time}.',
    'table {restaurant} {party_size:count} ppl {time}',
    'We want to eat at {restaurant} at {time}, {party_size}. Can you book it?',
    'Is it possible to book {restaurant} for {party_size} at {time} on {date}?',
  ],
});
