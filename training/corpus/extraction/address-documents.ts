import { drawPerson } from '../entities/people.js';
import { copied } from '../templates/template.js';
import { defineTextTemplates, type DocumentType } from './document-types.js';
import { patternValue } from './extraction-values.js';

const POSTAL_PATTERNS = ['#####', '####', '^#^ #^#', '^^# #^^', '###-####', '##-###', '#### ^^', '#####-###'];
const UNIT_PATTERNS = ['Apt #^', 'Flat ##', 'Suite ###', 'Unit #', 'Floor #', 'Apartment ##'];

export const ADDRESS_DOCUMENTS: DocumentType = {
  name: 'address',
  concepts: [
    { concept: 'recipient', names: ['recipient', 'name', 'recipient_name'], schema: { type: 'string', description: 'Who the post is for' } },
    { concept: 'street', names: ['street', 'street_address', 'address_line1'], schema: { type: 'string', description: 'House number and street' }, required: true },
    { concept: 'unit', names: ['unit', 'apartment', 'address_line2'], schema: { type: 'string', description: 'Flat, suite or unit' } },
    { concept: 'city', names: ['city', 'town'], schema: { type: 'string', description: 'City' }, required: true },
    { concept: 'postal_code', names: ['postal_code', 'zip', 'postcode'], schema: { type: 'string', description: 'Postal code' } },
    { concept: 'country', names: ['country'], schema: { type: 'string', description: 'Country' } },
  ],
  templates: defineTextTemplates('extraction:address', [
    '<{recipient}\n>{street}<, {unit}>\n{city}< {postal_code}><\n{country}>',
    'Please ship it to {street}<, {unit}>, {city}<, {postal_code}><, {country}>.< It\'s for {recipient}.>',
    'My address is {street}<, {unit}> in {city}.< Postcode: {postal_code}.>< Country: {country}.>< Name on the door: {recipient}.>',
    'Deliver to<: {recipient},> {street}<, {unit}>, {city}<, {country}>.< The postal code is {postal_code}.>',
    'We moved! New address: {street}<, {unit}>, {city}<, {postal_code}><, {country}>.< Send post to {recipient}.>',
    'Address: street {street}<; unit {unit}>; city {city}<; postal code {postal_code}><; country {country}><; recipient {recipient}>',
    'Could you send the invoice to {street} in {city}<, {country}>?< Use postal code {postal_code}.>< Attention: {recipient}.>< It\'s {unit}.>',
  ]),
  draw: ({ random, pool }) => {
    const person = drawPerson(random, pool);
    const street = random.pick(pool.streets);
    const number = random.integer(1, 480);
    const city = random.pick(pool.cities);
    const unit = patternValue(random, UNIT_PATTERNS);
    const postal = patternValue(random, POSTAL_PATTERNS);
    return {
      recipient: () => copied(person.fullName, [person.firstName, person.lastName]),
      street: () => copied(`${number} ${street}`, [street]),
      unit: () => copied(unit),
      city: () => copied(city.name, [city.name]),
      postal_code: () => copied(postal),
      country: () => copied(city.country),
    };
  },
};
