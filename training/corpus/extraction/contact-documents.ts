import { drawPerson } from '../entities/people.js';
import { copied } from '../templates/template.js';
import type { DocumentType } from './document-types.js';
import { defineTextTemplates } from './document-types.js';
import { patternValue, PHONE_PATTERNS } from './extraction-values.js';

export const CONTACT_DOCUMENTS: DocumentType = {
  name: 'contact',
  concepts: [
    { concept: 'name', names: ['name', 'full_name', 'contact_name'], schema: { type: 'string', description: 'Full name' }, required: true },
    { concept: 'job_title', names: ['job_title', 'title', 'role'], schema: { type: 'string', description: 'Job title' } },
    { concept: 'company', names: ['company', 'employer', 'organization'], schema: { type: 'string', description: 'Company name' } },
    { concept: 'email', names: ['email', 'email_address'], schema: { type: 'string', format: 'email', description: 'Email address' } },
    { concept: 'phone', names: ['phone', 'phone_number', 'telephone'], schema: { type: 'string', description: 'Phone number as written' } },
    { concept: 'city', names: ['city', 'location'], schema: { type: 'string', description: 'City' } },
  ],
  templates: defineTextTemplates('extraction:contact', [
    '{name}<, {job_title}>< at {company}>.< Email: {email}.>< Phone: {phone}.>< Based in {city}.>',
    'Hi, I\'m {name}<, {job_title}>< from {company}>.< You can email me at {email}.>< My number is {phone}.>< I\'m based in {city}.>',
    'Contact: {name}\n<Title: {job_title}\n><Company: {company}\n><Email: {email}\n><Phone: {phone}\n><City: {city}>',
    'Please add {name} to my contacts.< They work at {company}.>< Role: {job_title}.>< Email: {email}.>< Phone: {phone}.>< City: {city}.>',
    'Met {name}< ({job_title})> today< at the {company} stand>.< Their email is {email}.>< Phone: {phone}.>< From {city}.>',
    'Best regards,\n{name}<\n{job_title}><\n{company}><\n{city}><\n{phone}><\n{email}>',
    '{name}< ({email})> called earlier< from {company}>.< Call back on {phone}.>< They are in {city}.>< Job: {job_title}.>',
    'New lead: {name}.< Works as {job_title}.>< Company: {company}.>< Email {email}.>< Phone {phone}.>< Location: {city}.>',
  ]),
  draw: ({ random, pool }) => {
    const person = drawPerson(random, pool);
    const company = random.pick(pool.employers);
    const jobTitle = random.pick(pool.jobTitles);
    const phone = patternValue(random, PHONE_PATTERNS);
    const city = random.pick(pool.cities).name;
    return {
      name: () => copied(person.fullName, [person.firstName, person.lastName]),
      job_title: () => copied(jobTitle, [jobTitle]),
      company: () => copied(company, [company]),
      email: () => copied(person.email, [person.email]),
      phone: () => copied(phone),
      city: () => copied(city, [city]),
    };
  },
};
