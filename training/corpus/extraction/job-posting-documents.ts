import { copied, normalisedFill } from '../templates/template.js';
import { defineTextTemplates, type DocumentType } from './document-types.js';
import { integerRenderer, moneyRenderers } from './extraction-values.js';

const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship', 'temporary'];

export const JOB_POSTING_DOCUMENTS: DocumentType = {
  name: 'job_posting',
  concepts: [
    { concept: 'title', names: ['title', 'job_title', 'position'], schema: { type: 'string', description: 'Job title' }, required: true },
    { concept: 'company', names: ['company', 'employer'], schema: { type: 'string', description: 'Hiring company' }, required: true },
    { concept: 'location', names: ['location', 'city'], schema: { type: 'string', description: 'City' } },
    { concept: 'salary', names: ['salary', 'annual_salary'], schema: { type: 'number', description: 'Yearly salary' } },
    { concept: 'currency', names: ['currency'], schema: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' }, statedWith: 'salary' },
    { concept: 'remote', names: ['remote', 'is_remote'], schema: { type: 'boolean', description: 'Whether the job can be done remotely' } },
    { concept: 'employment_type', names: ['employment_type', 'contract_type'], schema: { type: 'string', enum: EMPLOYMENT_TYPES, description: 'Kind of contract' } },
    { concept: 'years_experience', names: ['years_experience', 'min_experience_years'], schema: { type: 'integer', description: 'Minimum years of experience' } },
  ],
  templates: defineTextTemplates('extraction:job', [
    '{company} is hiring: {title}< in {location}>.< This is a {employment_type} role.>< Salary: {salary}.>< {remote}>< At least {years_experience} years of experience required.>',
    'Job opening: {title} at {company}\n<Location: {location}\n><Type: {employment_type}\n><Pay: {salary}\n><Remote: {remote:yesno}\n><Experience: {years_experience}+ years>',
    'We\'re looking for a new {title} to join {company}< in {location}>!< {remote}>< The position is {employment_type}.>< We offer {salary} a year.>< You need {years_experience} years of experience.>',
    'Role: {title}. Company: {company}.< Based in {location}.>< Contract: {employment_type}.>< Compensation: {salary}.>< Remote work: {remote:yesno}.>< Minimum experience: {years_experience} years.>',
    'Hiring now at {company} — {title}<, {employment_type}><, {location}>.< Pay {salary} per year.>< {remote}>< Requires {years_experience} years in a similar role.>',
  ]),
  draw: ({ random, pool }) => {
    const title = random.pick(pool.jobTitles);
    const company = random.pick(pool.employers);
    const city = random.pick(pool.cities).name;
    const remote = random.chance(0.5);
    const money = moneyRenderers(random, random.integer(18, 180) * 1000, random.pick(['USD', 'EUR', 'GBP', 'USD', 'CAD', 'AUD', 'CHF']));
    const employment = random.pick(EMPLOYMENT_TYPES);
    return {
      title: () => copied(title, [title]),
      company: () => copied(company, [company]),
      location: () => copied(city, [city]),
      salary: money.amount,
      currency: money.currency,
      remote: (variant) =>
        normalisedFill(
          variant === 'yesno'
            ? remote ? random.pick(['yes', 'Yes', 'yes, fully remote']) : random.pick(['no', 'No', 'no, on-site'])
            : random.pick(remote ? ['Fully remote.', 'Remote work is possible.', 'You can work from home.'] : ['This role is on-site.', 'No remote work.', 'You must work from the office.']),
          remote,
        ),
      employment_type: () => copied(employment),
      years_experience: integerRenderer(random, random.integer(1, 12), 0.15),
    };
  },
};
