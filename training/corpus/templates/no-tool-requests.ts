import type { DemoToolName } from '../demo-toolbox.js';
import { defineTemplates } from './template.js';

/**
 * Requests that need no tool, with the short answers they get. Requests are partitioned (held-out
 * wording); answers are shared, since an answer to "hi" is not a phrasing the model must generalise.
 */
export interface ChatCategory {
  readonly name: string;
  readonly requests: readonly string[];
  readonly answers: readonly string[];
}

export const CHAT_CATEGORIES: readonly ChatCategory[] = [
  {
    name: 'greeting',
    requests: ['hi', 'hello', 'hey', 'hey there', 'Hello!', 'Hi there!', 'good morning', 'Good afternoon!', 'good evening', 'yo', 'hiya', 'Greetings.', 'Morning!', 'Hello, anyone there?', 'hi assistant', 'Hey, how\'s it going?'],
    answers: ['Hello! How can I help you today?', 'Hi! What can I do for you?', 'Hey! What do you need?', 'Hello there. How can I help?', 'Hi! Ask me anything I can help with.'],
  },
  {
    name: 'thanks',
    requests: ['thanks', 'thank you', 'Thanks a lot!', 'thank you so much', 'cheers', 'Thanks, that helps.', 'perfect, thanks', 'great, thank you!', 'Much appreciated.', 'ty', 'thx', 'That was helpful, thanks.', 'awesome, thanks!', 'Thanks for your help.'],
    answers: ['You\'re welcome!', 'Happy to help!', 'Any time.', 'Glad I could help.', 'You\'re welcome. Anything else?', 'No problem!'],
  },
  {
    name: 'farewell',
    requests: ['bye', 'goodbye', 'see you later', 'Bye for now!', 'good night', 'That\'s all for today.', 'talk later', 'I\'m done, thanks. Bye!', 'see ya', 'catch you later', 'Have a good one.'],
    answers: ['Goodbye!', 'Bye! Have a great day.', 'See you later!', 'Take care!', 'Good night!'],
  },
  {
    name: 'acknowledgement',
    requests: ['ok', 'okay', 'got it', 'cool', 'sounds good', 'alright', 'Understood.', 'nice', 'sure', 'fine', 'makes sense', 'OK, noted.'],
    answers: ['Great!', 'Alright.', 'Let me know if you need anything else.', 'Okay!', 'Sounds good.'],
  },
  {
    name: 'wellbeing',
    requests: ['how are you?', 'How are you doing today?', 'how\'s your day?', 'are you ok?', 'How have you been?', 'what\'s up?'],
    answers: ['I\'m doing well, thanks! How can I help?', 'All good here. What can I do for you?', 'Doing great, thanks for asking. What do you need?'],
  },
  {
    name: 'identity',
    requests: ['who are you?', 'what are you?', 'Are you a robot?', 'are you human?', 'What\'s your name?', 'Who made you?', 'are you an AI?'],
    answers: ['I\'m an assistant that can use a few tools to help you.', 'I\'m a small AI assistant, here to help with tasks using my tools.', 'I\'m an AI assistant. I can help with the tools I have.'],
  },
  {
    name: 'out_of_scope',
    requests: [
      'Order me a pizza.', 'Can you call my mom?', 'Write me a poem about the sea.', 'What is the meaning of life?', 'Tell me a joke.',
      'Who won the football match last night?', 'Can you book me a hotel room?', 'Turn off the lights in the kitchen.', 'What is the capital of Australia?', 'Recommend a good movie.',
      'Can you drive me to work?', 'What\'s the best programming language?', 'Open the garage door.', 'How tall is the tallest mountain?', 'Sing me a song.',
      'Read me the news.', 'Can you order groceries for me?', 'Lend me some money.', 'What should I have for dinner?', 'Explain quantum physics.',
      'Call a taxi for me.', 'Post this on social media.', 'What\'s my bank balance?', 'Unlock my phone.', 'Who wrote the first novel?',
      'Can you fix my car?', 'Do my homework for me.', 'What will happen in the future?', 'Can you text my brother?', 'Find me a date for Saturday.',
      'How many stars are in the sky?', 'Pay my rent.', 'What is the population of the moon?', 'Summarise this book for me.', 'Can you feel emotions?',
    ],
    answers: [
      'Sorry, I can\'t do that with the tools I have.', 'That\'s outside what I can help with here.', 'I\'m afraid I don\'t have a tool for that.',
      'Sorry, I can\'t help with that one.', 'I can\'t do that, but I\'m happy to help with something else.', 'That isn\'t something my tools can do, sorry.',
    ],
  },
];

/** How an answer names what a tool does, for capability answers and for tools the prompt lacks. */
export const TOOL_CAPABILITIES: Readonly<Record<DemoToolName, string>> = {
  get_weather: 'check the weather',
  convert_currency: 'convert currencies',
  create_event: 'add events to your calendar',
  send_email: 'send emails',
  search_flights: 'search for flights',
  set_timer: 'set timers',
  calculate: 'do calculations',
  get_stock_price: 'look up stock prices',
  translate_text: 'translate short phrases',
  add_todo: 'add tasks to your to-do list',
  book_table: 'book restaurant tables',
  play_music: 'play music',
};

export const CAPABILITY_REQUESTS: readonly string[] = [
  'What can you do?', 'what can you help me with', 'What are your abilities?', 'Help', 'help me', 'What kinds of things can you do?', 'what tools do you have?',
  'How can you help me?', 'What are you able to do?', 'Can you list what you can do?', 'What do you know how to do?', 'What can I ask you?',
];

/** Answers when the request needs a tool the prompt does not offer; `{capability}` as in TOOL_CAPABILITIES. */
export const UNAVAILABLE_ANSWERS: readonly string[] = [
  'Sorry, I can\'t {capability} right now: I don\'t have a tool for that.',
  'I don\'t have a tool to {capability} here, so I can\'t do that.',
  'Unfortunately I\'m not able to {capability} with the tools I have.',
  'That needs a tool I don\'t have: I can\'t {capability} at the moment.',
];

/**
 * Requests that name the right tool but leave out a required argument, with the question that asks for it.
 * The model must ask rather than invent the missing value.
 */
export interface MissingInformationTemplate {
  readonly tool: DemoToolName;
  readonly request: string;
  readonly answers: readonly string[];
}

const MISSING: readonly MissingInformationTemplate[] = [
  { tool: 'get_weather', request: 'What\'s the weather like?', answers: ['Which city would you like the weather for?', 'Sure, for which city?'] },
  { tool: 'get_weather', request: 'check the weather [please|for me]', answers: ['Which city should I check?', 'Where would you like the weather for?'] },
  { tool: 'convert_currency', request: 'convert {amount} {from} [please|for me]', answers: ['Which currency should I convert it to?', 'Into which currency?'] },
  { tool: 'convert_currency', request: 'How much is that in {to}?', answers: ['How much money, and in which currency, should I convert?', 'What amount and currency should I convert?'] },
  { tool: 'create_event', request: 'add {title} to my calendar', answers: ['On what date should I schedule it?', 'Sure, which day is it on?'] },
  { tool: 'create_event', request: 'Schedule something for {date}.', answers: ['What should the event be called?', 'What is the event for?'] },
  { tool: 'send_email', request: 'send an email to {to}', answers: ['What should the subject and message say?', 'Sure, what subject and message should I send?'] },
  { tool: 'send_email', request: 'Email my landlord about the heating.', answers: ['What is your landlord\'s email address?', 'Which email address should I send it to?'] },
  { tool: 'search_flights', request: 'find me a flight to {destination}', answers: ['Where are you flying from, and on what date?', 'From which city, and on which date?'] },
  { tool: 'search_flights', request: 'Search flights from {origin}.', answers: ['Where to, and on what date?', 'Which destination and date should I search for?'] },
  { tool: 'set_timer', request: 'set a timer', answers: ['How long should the timer be?', 'For how many minutes?'] },
  { tool: 'set_timer', request: 'start a timer for the {label}', answers: ['How many minutes should the timer run?', 'How long do you need for the {label}?'] },
  { tool: 'calculate', request: 'Can you do some maths for me?', answers: ['Sure, what would you like me to calculate?', 'Of course. What is the calculation?'] },
  { tool: 'get_stock_price', request: 'What\'s the stock price?', answers: ['Which company or ticker should I look up?', 'For which stock?'] },
  { tool: 'translate_text', request: 'translate "{text}"', answers: ['Which language should I translate it into?', 'Into which language?'] },
  { tool: 'translate_text', request: 'Can you translate something into {target_language}?', answers: ['Sure, what text should I translate?', 'Of course, what would you like translated?'] },
  { tool: 'add_todo', request: 'add something to my to-do list', answers: ['What task should I add?', 'Sure, what\'s the task?'] },
  { tool: 'book_table', request: 'book a table at {restaurant}', answers: ['For how many people, and at what time?', 'Sure, for how many people and what time?'] },
  { tool: 'book_table', request: 'Reserve a table for {party_size} tonight.', answers: ['Which restaurant, and at what time?', 'Where would you like to eat, and when?'] },
];

export const MISSING_INFORMATION: readonly (MissingInformationTemplate & { readonly template: ReturnType<typeof defineTemplates>[number] })[] = MISSING.map((entry, index) => ({
  ...entry,
  template: defineTemplates(`missing:${entry.tool}:${index}`, { sentences: [entry.request] })[0] as ReturnType<typeof defineTemplates>[number],
}));
