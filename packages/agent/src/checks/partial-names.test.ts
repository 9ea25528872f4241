import { describe, expect, it } from 'vitest';
import { wholeName, wholePhrase } from './partial-names.js';

const free = () => false;

describe('wholeName', () => {
  it('goes on over the capitalised words that follow a copy in every statement', () => {
    expect(wholeName('Oliver', 'Extend it for candidate Oliver Hoffmann and manager Ann Lee.', free)).toBe('Oliver Hoffmann');
    expect(wholeName('The Green', 'A table at The Green Door, 3:00 pm.', free)).toBe('The Green Door');
    expect(wholeName('Anjali', 'with candidate Anjali Lombardi, for employee Anneke Teo', free)).toBe('Anjali Lombardi');
    expect(wholeName('Ember &', 'Book a table for 4 at Ember & Oak at 7pm', free)).toBe('Ember & Oak');
    expect(wholeName('Nando', "Book a table for 2 at Nando's tonight at 8", free)).toBe("Nando's");
    expect(wholeName('Joe', 'a table at Joe’s Diner on Friday', free)).toBe('Joe’s Diner');
  });

  it('goes back over the capitalised words before a copy that do not begin a sentence or name an argument', () => {
    expect(wholeName('Pham', 'move it where the requester is Aleksander Pham, for parking hours 16', free)).toBe('Aleksander Pham');
    expect(wholeName('pipeline review', 'Can you book Sales pipeline review into my calendar?', free)).toBe('Sales pipeline review');
    expect(wholeName('onboarding call', 'new event: Customer onboarding call at 1:45', free)).toBe('onboarding call');
    expect(wholeName('ACC-524169', 'my water bill with the account ID ACC-524169', free, new Set(['account', 'id']))).toBe('ACC-524169');
    // Forwards a label word still joins: "Kuwait City" beside a clinic city.
    expect(wholeName('Kuwait', 'where the clinic city is Kuwait City?', free, new Set(['clinic', 'city']))).toBe('Kuwait City');
  });

  it("reads only the statements outside another argument's words", () => {
    const context = 'write to ann@example.com with the subject Garden party and the message "You are invited to our garden party."';
    const body = context.indexOf('You are invited');
    const inBody = (at: number) => at >= body && at < body + 'You are invited to our garden party.'.length;
    expect(wholeName('party', context, inBody)).toBe('Garden party');
    expect(wholeName('party', context, free)).toBe('party');
  });

  it('stops at words another argument holds, at dates, at "I", and after three words', () => {
    const context = 'flight Seoul Houston Friday, April 4, 2025';
    const houston = context.indexOf('Houston');
    expect(wholeName('Seoul', context, (at) => at >= houston)).toBe('Seoul');
    expect(wholeName('Ann', 'Email Ann I think', free)).toBe('Ann');
    expect(wholeName('A', 'A B C D E', free)).toBe('A B C D');
  });

  it('leaves a copy ending in a lower-case word, one no name follows, or one that goes on differently', () => {
    expect(wholeName('onboarding call', 'new event: Customer onboarding call Monday', free)).toBe('onboarding call');
    expect(wholeName('Lisbon', 'weather in Lisbon, please', free)).toBe('Lisbon');
    expect(wholeName('Ann', 'Ask Ann Lee, then Ann Park.', free)).toBe('Ann');
  });
});

describe('wholePhrase', () => {
  it('goes on over the lower-case words of a phrase, determiners between them, up to where the request goes on', () => {
    expect(wholePhrase('Cycling group', 'make a calendar entry for Cycling group ride on 2027-08-22', free)).toBe('Cycling group ride');
    expect(wholePhrase('glue the broken', 'please add glue the broken mug to my tasks', free)).toBe('glue the broken mug');
    expect(wholePhrase('cancel', 'Add cancel the gym membership to my to-dos!', free)).toBe('cancel the gym membership');
    expect(wholePhrase('boiled', 'Can I get a twenty-five-minute timer for boiled eggs?', free)).toBe('boiled eggs');
    expect(wholePhrase('book train', 'add to my list: book train tickets (low priority)', free)).toBe('book train tickets');
    expect(wholePhrase('house', 'Play me some house music shuffled.', free, new Set(['shuffle']))).toBe('house music');
    expect(wholePhrase('Deadline', 'To: astrid@example.com\nSubject: Deadline extension\n\nCould we extend the deadline?', free)).toBe('Deadline extension');
    // A copy that starts with a determiner takes the verb before it, but not the request's own.
    expect(wholePhrase('the professor', 'Add email the professor to my to-dos, thanks', free)).toBe('email the professor');
    expect(wholePhrase('the broken mug', 'please add glue the broken mug to my tasks', free)).toBe('glue the broken mug');
    expect(wholePhrase('the conference room', 'Please book the conference room for Friday', free)).toBe('the conference room');
    expect(wholePhrase('the kickoff', 'create an event called the kickoff on Friday', free)).toBe('the kickoff');
    // A sentence given whole keeps its stop; a short title after a colon does not take one.
    expect(wholePhrase('What time does the museum', 'Translate this into Dutch: What time does the museum open? Thanks', free)).toBe('What time does the museum open?');
    expect(wholePhrase('Room', 'Subject: Room booking. Body: I booked the room.', free)).toBe('Room booking');
  });

  it('leaves a copy the request does not end a phrase after, or goes on in other words', () => {
    // "departing" and "right" are followed by a date and "now", not by the next part of the request.
    expect(wholePhrase('Bucharest', 'a flight from Galway to Bucharest departing 2026-10-15', free)).toBe('Bucharest');
    expect(wholePhrase('Lucerne', 'how warm is it in Lucerne right now', free)).toBe('Lucerne');
    expect(wholePhrase('tea', 'The tea will take three minutes; set a timer.', free)).toBe('tea');
    expect(wholePhrase('Weightless', 'play Weightless not shuffled', free)).toBe('Weightless');
    // A form of an argument's label word is the argument's, not the phrase's.
    expect(wholePhrase('Golden Static', 'play Golden Static shuffled', free, new Set(['shuffle']))).toBe('Golden Static');
    expect(wholePhrase('5 * 40', 'what 5 * 40 equals', free)).toBe('5 * 40');
    expect(wholePhrase('jazz', 'play jazz music at home and jazz radio in the car', free)).toBe('jazz');
    // A copy past its value's end is function-words' to trim, not a phrase to go on with.
    expect(wholePhrase('Ljubljana by', 'from Rennes to Ljubljana by plane on May 27', free)).toBe('Ljubljana by');
  });

  it('stops at words another argument holds and after three words', () => {
    const context = 'remind me about laundry detergent refill soon';
    expect(wholePhrase('laundry', context, (at) => at >= context.indexOf('refill'))).toBe('laundry');
    expect(wholePhrase('x', 'x b c d e', free)).toBe('x');
    expect(wholePhrase('x', 'x b c d.', free)).toBe('x b c d');
  });
});
