import { drawPerson } from '../entities/people.js';
import { drawClockTime } from '../formats/times.js';
import { copied } from '../templates/template.js';
import { defineTextTemplates, type DocumentType } from './document-types.js';
import { dateRenderer, integerRenderer, timeRenderer } from './extraction-values.js';

export const EVENT_DOCUMENTS: DocumentType = {
  name: 'event',
  concepts: [
    { concept: 'title', names: ['title', 'event', 'name'], schema: { type: 'string', description: 'Name of the event' }, required: true },
    { concept: 'date', names: ['date', 'event_date'], schema: { type: 'string', format: 'date', description: 'Date as YYYY-MM-DD' }, required: true },
    { concept: 'time', names: ['time', 'start_time'], schema: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Start time as HH:MM, 24-hour clock' } },
    { concept: 'venue', names: ['venue', 'location'], schema: { type: 'string', description: 'Venue' } },
    { concept: 'city', names: ['city'], schema: { type: 'string', description: 'City' } },
    { concept: 'organizer', names: ['organizer', 'host'], schema: { type: 'string', description: 'Who organises it' } },
    { concept: 'capacity', names: ['capacity', 'max_attendees'], schema: { type: 'integer', description: 'Maximum number of attendees' } },
  ],
  templates: defineTextTemplates('extraction:event', [
    '{title} will take place on {date}< at {time}>< at {venue}>< in {city}>.< Organised by {organizer}.>< Up to {capacity} people can attend.>',
    'Join us for {title}! Date: {date}.< Time: {time}.>< Venue: {venue}.>< City: {city}.>< Host: {organizer}.>< Capacity: {capacity}.>',
    'Reminder: {title} is on {date}< from {time}>< in {city}>.< The venue is {venue}.>< {organizer} is organising.>< Seats: {capacity}.>',
    'INVITATION\n{title}\n{date}<, {time}><\n{venue}><\n{city}><\nHosted by {organizer}><\nLimited to {capacity} guests>',
    'Hi all,< {organizer} here.> We\'re holding {title} on {date}< at {time}>< in {city}>.< Location: {venue}.>< We have room for {capacity}.>',
    'Save the date: {date} — {title}< at {venue}>< ({city})>.< Doors open at {time}.>< Capacity {capacity}.>< Contact {organizer} with questions.>',
  ]),
  draw: ({ random, pool }) => {
    const title = random.pick(pool.eventTitles);
    const venue = random.pick(pool.venues);
    const city = random.pick(pool.cities).name;
    const organizer = drawPerson(random, pool);
    return {
      title: () => copied(title, [title]),
      date: dateRenderer(random),
      time: timeRenderer(random, drawClockTime(random, 8, 21)),
      venue: () => copied(venue, [venue]),
      city: () => copied(city, [city]),
      organizer: () => copied(organizer.fullName, [organizer.firstName, organizer.lastName]),
      capacity: integerRenderer(random, random.pick([20, 30, 50, 75, 100, 120, 150, 200, 250, 300, 500, 12, 15]), 0.1),
    };
  },
};
