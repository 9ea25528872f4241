import type { DemoToolName } from '../demo-toolbox.js';
import { defineTemplates, type RequestTemplate } from './template.js';

// Words too common to tell two phrasings apart.
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'me', 'my', 'i', 'you', 'it', 'is', 'are', 'and', 'with', 'please', 'can', 'could', 'would', 'what', 'how', "what's", "it's", "i'm", "i'd", 'do', 'some', 'us', 'we', 'that', 'this', 'right', 'now', 'today', 'be', 'as']);

/** A template's words, its slots and alternations left out. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/\{[^}]*\}/g, ' ').replace(/\[[^\]]*\]/g, ' ').match(/[a-z']+/g) ?? [];
}

function overlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared / Math.max(1, left.size + right.size - shared);
}

/** Whether two templates share half their content words or 60% of all their words. */
export function nearCopy(a: string, b: string): boolean {
  const content = (text: string) => new Set(wordsOf(text).filter((word) => !FUNCTION_WORDS.has(word)));
  return overlap(content(a), content(b)) >= 0.5 || overlap(new Set(wordsOf(a)), new Set(wordsOf(b))) >= 0.6;
}

/**
 * More phrasings of requests for the demo tools, written in session 35, long after the held-out phrasings were fixed
 * and never read by an agent rule. Used one way or the other, never both (generate-corpus.ts): beside training's
 * phrasings (--extra-phrasings), or instead of the held-out ones (--held-out-extra-phrasings), which fifteen
 * sessions of agent rules were written against. request-templates.ts drops each one that is a near copy of any of
 * its tool's own templates. The owner `tool#extra` keeps their ids apart from the partitioned templates'
 * (`get_weather#extra:3`).
 */
export const EXTRA_REQUEST_TEMPLATES: Readonly<Record<DemoToolName, readonly RequestTemplate[]>> = {
  get_weather: defineTemplates('get_weather#extra', {
    clauses: [
      'find out how chilly it is in {city}',
      'tell me if I need sunscreen in {city}',
      'describe the weather in {city} in {unit}',
      'see whether there[’|\']s a storm coming in {city}',
      'report on {city}[’|\']s weather',
      'find out whether it[’|\']s going to rain in {city}',
      'tell me what the sky is doing over {city}',
      'give me a weather update for {city}',
      'fetch today[’|\']s weather for {city} in {unit}',
      'let me know how the weather looks in {city}',
      'check if it[’|\']s warm enough for a walk in {city}',
      'get me the local weather in {city}',
      'tell me the outside temperature in {city} in {unit}',
    ],
    sentences: [
      'Will it be dry in {city} this afternoon?',
      'Hey, is it freezing in {city}?',
      'Any rain expected in {city}?',
      'Humidity and temperature in {city}, in {unit}?',
      'Tell me about the weather over in {city}.',
      'Is the weather in {city} okay for a picnic?',
      'How does the weather look in {city}?',
      'What kind of weather are they having in {city}?',
      'Is it windy in {city} right now?',
      'Is it snowing in {city}?',
      'Weather update for {city}, please.',
      'How many degrees is it in {city}, in {unit}?',
      'Forecast for {city}?',
      'I\'m flying to {city} tomorrow, is it hot there?',
      'What should I wear in {city} today?',
      'Tell me, is the weather good in {city}?',
      'What\'s the temperature outside in {city} right now, {unit} please?',
      'Is {city} sunny or rainy today?',
    ],
  }),
  convert_currency: defineTemplates('convert_currency#extra', {
    clauses: [
      'calculate how much {amount} {from} is worth in {to}',
      'price {amount} {from} in {to}',
      'swap {amount} {from} to {to} and tell me the figure',
      'tell me what {amount} {from} comes to in {to}',
      'work out {amount} {from} in {to}',
      'turn {amount} {from} into {to}',
      'find the {to} value of {amount} {from}',
      'exchange {amount} {from} for {to}',
    ],
    sentences: [
      'Roughly how much {to} equals {amount} {from}?',
      'My bill is {amount} {from}; what\'s that in {to}?',
      '{amount} {from} → {to}?',
      'Could you do a currency conversion of {amount} {from} into {to}?',
      'What would {amount} {from} be in {to}?',
      'How much {to} do I get for {amount} {from}?',
      'If I have {amount} {from}, how much is that in {to}?',
      '{amount} {from} in {to}, please.',
      'I need {amount} {from} converted to {to}.',
      'What\'s {from:symbol}{amount} worth in {to}?',
      'Quick conversion: {amount} {from} to {to}.',
      'How many {to} is {amount} {from} today?',
    ],
  }),
  create_event: defineTemplates('create_event#extra', {
    clauses: [
      'pencil {title} into {date}',
      'reserve {date} at {time} in my schedule for {title}',
      'enter {title} into the calendar, {date} at {time}',
      'remember {title} on {date} for me in the calendar',
      'block out {date} at {time} for {title}',
      'note {title} in my calendar for {date}',
      'save {title} on {date} at {time} in my calendar',
      'make a calendar entry "{title}" for {date}',
      'put down {title} for {date}, {time}, {duration_minutes}',
      'log {title} on {date} in my diary',
      'mark {date} for {title}',
    ],
    sentences: [
      'Calendar: {title} on {date} at {time}, {duration_minutes}.',
      'We\'ve got {title} coming up on {date}, please schedule that.',
      'Could you slot {title} into my diary on {date}?',
      'Appointment on {date} at {time}: {title}.',
      'I have {title} on {date} at {time}, can you add it to my calendar?',
      'My calendar needs {title} on {date}.',
      'Don\'t let me miss {title} on {date} at {time}, put it in the calendar.',
      'There\'s {title} on {date}; please schedule it.',
      'Could you block {duration_minutes} on {date} at {time} for {title}?',
      'New calendar event: {title}, {date}.',
      'Please create an appointment called {title} for {date} at {time}.',
      '{title} is happening on {date} at {time}, add it please.',
    ],
  }),
  send_email: defineTemplates('send_email#extra', {
    clauses: [
      'shoot off an email to {to} headed "{subject}" reading "{body}"',
      'fire an email at {to}: subject "{subject}", content "{body}"',
      'reach out to {to} by email, subject "{subject}", and write "{body}"',
      'write to {to} about "{subject}" and tell them "{body}"',
      'drop {to} an email titled "{subject}": "{body}"',
      'send {to} a message with the subject "{subject}" that says "{body}"',
      'compose an email to {to}, subject "{subject}", text "{body}"',
      'mail {to} with "{subject}" as the subject and "{body}" as the message',
    ],
    sentences: [
      'Please notify {to} by email: "{body}" Subject line: "{subject}".',
      'Could you contact {to} over email? Heading "{subject}", content "{body}"',
      'Write {to} an e-mail, heading "{subject}", content "{body}".',
      'Can you write an email to {to}? Subject: "{subject}". Message: "{body}"',
      'Email for {to} — subject "{subject}", body "{body}".',
      'I need to let {to} know "{body}"; use the subject "{subject}".',
      'Please shoot {to} a quick email titled "{subject}" saying "{body}"',
      'Send this to {to}: "{body}" (subject: "{subject}")',
    ],
  }),
  search_flights: defineTemplates('search_flights#extra', {
    clauses: [
      'browse flights out of {origin} into {destination} on {date}',
      'price up flights {origin} to {destination} on {date} for {passengers}',
      'scan for plane tickets from {origin} to {destination} on {date}',
      'show me flights between {origin} and {destination} on {date}',
      'check what flights go from {origin} to {destination} on {date}',
      'find me a way to fly {origin} to {destination} on {date} for {passengers}',
      'look up air travel from {origin} to {destination} on {date}',
      'get flight options from {origin} to {destination} for {date}',
    ],
    sentences: [
      'What planes go {origin} to {destination} on {date}?',
      'Plane tickets {origin} to {destination}, {date}, {passengers}?',
      'Is there a way to fly out of {origin} and land in {destination} on {date}?',
      'Trip from {origin} to {destination} on {date}: show me the flights.',
      'Are there any flights from {origin} to {destination} on {date}?',
      'I need to get from {origin} to {destination} by plane on {date}.',
      'Which flights leave {origin} for {destination} on {date}?',
      'Flying {origin} to {destination} on {date}, {passengers}, what are my options?',
      'Can I fly from {origin} to {destination} on {date}?',
      'Flight search: {origin} → {destination}, {date}.',
    ],
  }),
  set_timer: defineTemplates('set_timer#extra', {
    clauses: [
      'buzz me after {minutes}',
      'count {minutes} down for the {label}',
      'time {minutes} for the {label}',
      'start counting down {minutes}',
      'give me a {minutes:adjective} countdown',
      'set an alarm to go off in {minutes}',
      'ring me in {minutes} for the {label}',
      'run a timer of {minutes} called {label}',
    ],
    sentences: [
      'Alert me after {minutes}.',
      'Beep in {minutes} please.',
      'Timer please, {minutes}, {label}.',
      'Remind me in {minutes}.',
      'Can you time {minutes} for me?',
      'I need a timer, {minutes}.',
      'Let me know when {minutes} are up.',
      '{minutes} on the clock for the {label}, please.',
      'Countdown: {minutes}.',
      'Wake me up in {minutes}.',
    ],
  }),
  calculate: defineTemplates('calculate#extra', {
    clauses: [
      'evaluate the sum {expression}',
      'run the numbers on {expression}',
      'add up {expression}',
      'figure out {expression}',
      'crunch {expression} for me',
      'compute the result of {expression}',
      'tell me the answer to {expression}',
    ],
    sentences: [
      'Quick maths question: {expression}?',
      'Whats the total of {expression}?',
      'Need an answer: {expression}.',
      '{expression} equals what?',
      'Any idea what {expression} gives?',
      'What does {expression} come to?',
      'Do the maths: {expression}.',
      'Can you solve {expression}?',
      'I need the result of {expression}.',
      'Help me with {expression}, please.',
      'How much is {expression} exactly?',
    ],
  }),
  get_stock_price: defineTemplates('get_stock_price#extra', {
    clauses: [
      'pull the ticker {symbol:ticker} for me',
      'tell me the trading price of {symbol:company}',
      'tell me where {symbol:company} shares are trading',
      'see how {symbol:ticker} is doing today',
      'fetch the share price of {symbol}',
      'give me a quote for {symbol:ticker}',
    ],
    sentences: [
      'Where\'s {symbol:ticker} at?',
      'Latest on {symbol:company} shares?',
      'Market price for {symbol:ticker}?',
      'How much is one share of {symbol:company}?',
      'Is {symbol:ticker} up or down today?',
      'What are {symbol:company} shares going for?',
      'Quote for {symbol:ticker}, please.',
      'How is {symbol:company} stock doing?',
      'What\'s {symbol:ticker} trading at right now?',
    ],
  }),
  translate_text: defineTemplates('translate_text#extra', {
    clauses: [
      'convert "{text}" into the {target_language} language',
      'express "{text}" in {target_language}',
      'put "{text}" into {target_language}',
      'render "{text}" in {target_language}',
      'turn "{text}" into {target_language}',
      'help me say "{text}" in {target_language}',
    ],
    sentences: [
      'My friend only speaks {target_language}: how do I tell them "{text}"?',
      'Translation needed, {target_language}: "{text}"',
      '"{text}" — in {target_language}?',
      'What\'s "{text}" in {target_language}?',
      'How would a {target_language} speaker say "{text}"?',
      '{target_language} for "{text}", please.',
      'I need "{text}" in {target_language}.',
      'Could you give me a {target_language} version of "{text}"?',
      'In {target_language}, how do I say "{text}"?',
    ],
  }),
  add_todo: defineTemplates('add_todo#extra', {
    clauses: [
      'file {task} under my tasks, due {due_date}',
      'queue {task} on my checklist, {priority}',
      'note down {task} as a to-do',
      'remind me to {task}',
      'stick {task} on my to-do list, {priority}',
      'jot down {task} for {due_date}',
      'track {task} as a task',
      'list {task} as something to do by {due_date}',
    ],
    sentences: [
      'Checklist item: {task}.',
      'Please don\'t let me forget: {task}, by {due_date}.',
      'Another thing for my list: {task}.',
      'I need to remember to {task}.',
      'New task: {task}.',
      'To-do: {task}, {priority}.',
      'Can you keep track of {task} for me?',
      'I have to {task} by {due_date}, add it to my list.',
      'Make a note that I should {task}.',
    ],
  }),
  book_table: defineTemplates('book_table#extra', {
    clauses: [
      'organise a reservation at {restaurant} for {party_size} at {time}',
      'snag {party_size} seats at {restaurant} for {time}',
      'find us a table at {restaurant} for {party_size} at {time}',
      'hold a table for {party_size} at {restaurant} at {time}',
      'grab a table at {restaurant} at {time} for {party_size}',
      'set up dinner at {restaurant} for {party_size} at {time} on {date}',
      'secure a booking at {restaurant}, {party_size}, {time}',
    ],
    sentences: [
      'Table for {party_size} at {restaurant}, {time}, thanks.',
      'Please arrange seating at {restaurant} for {party_size} at {time} on {date}.',
      'We\'re {party_size}; can {restaurant} fit us in at {time}?',
      'Is there a table at {restaurant} for {party_size} at {time}? Book it.',
      'We\'d like to eat at {restaurant} at {time}, {party_size}.',
      'Dinner reservation please: {restaurant}, {party_size}, {time}.',
      'Can we get a table for {party_size} at {restaurant} at {time} on {date}?',
      'I want to take {party_size} to {restaurant} at {time}, please reserve.',
      'Lunch at {restaurant} at {time} for {party_size}, can you arrange that?',
    ],
  }),
  play_music: defineTemplates('play_music#extra', {
    clauses: [
      'start some {query:genre} for me',
      'fire up {query:song}',
      'stream {query} {shuffle}',
      'put on something by {query:artist}',
      'spin some {query:genre}',
      'get some {query:genre} going',
      'throw on {query:song}',
      'play a bit of {query:genre} {shuffle}',
      'turn on {query:artist}',
      'crank up {query:song_by_artist}',
    ],
    sentences: [
      'Soundtrack for the evening: {query:genre}.',
      'Can we listen to {query:song_by_artist}?',
      'Background music, {query:genre}, please.',
      'Start the playlist {query} {shuffle}.',
      'Music time: {query:genre}!',
      'How about some {query:genre}?',
      'Let\'s have some {query:artist}, {shuffle}.',
      'Could I get {query:song} on the speakers?',
      'I feel like {query:genre} today.',
      'Queue {query:song_by_artist}, thanks.',
      'Play anything by {query:artist}.',
      'Some {query:artist} would be nice.',
      'Got any {query:genre}? Put it on.',
    ],
  }),
};

