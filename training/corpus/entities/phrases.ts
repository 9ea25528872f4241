/**
 * Texts people ask to have translated. The first four are the demo phrasebook's, so that some results
 * carry a translation; they always train (see entity-pools.ts).
 */
export const PHRASEBOOK_PHRASES: readonly string[] = ['hello', 'thank you', 'good morning', 'goodbye'];

export const PHRASES: readonly string[] = [
  ...PHRASEBOOK_PHRASES,
  'Where is the train station?', 'How much does this cost?', 'I would like a coffee, please.', 'Can I have the bill, please?', 'Where is the nearest pharmacy?',
  'I am allergic to peanuts.', 'Do you speak English?', 'What time does the museum open?', 'I have a reservation.', 'Could you call a taxi for me?',
  'The room is too cold.', 'Is breakfast included?', 'How do I get to the airport?', 'I lost my wallet.', 'Please speak more slowly.',
  'Nice to meet you.', 'See you tomorrow.', 'Happy birthday!', 'Congratulations on your new job.', 'I am sorry for being late.',
  'Where can I buy a ticket?', 'Is this seat taken?', 'The food was delicious.', 'I need a doctor.', 'Can you help me?',
  'What is your name?', 'My name is on the list.', 'I do not understand.', 'Where are the toilets?', 'How far is it?',
  'Turn left at the corner.', 'The meeting is cancelled.', 'Please send me the report.', 'I will be there in ten minutes.', 'The store closes at six.',
  'Do you accept credit cards?', 'A table for two, please.', 'I would like to check out.', 'The wifi password, please.', 'Can I try this on?',
  'Good night and sleep well.', 'Have a safe trip.', 'The weather is lovely today.', 'I love this song.', 'Where do you live?',
  'How was your weekend?', 'I am learning the language.', 'Could you repeat that?', 'What do you recommend?', 'One ticket to the city centre, please.',
  'Where is the bus stop?', 'When does the next train leave?', 'My luggage is missing.', 'I need to charge my phone.', 'Is there a supermarket nearby?',
  'Please keep the change.', 'The elevator is out of order.', 'Can I pay in cash?', 'We are celebrating our anniversary.', 'Thank you for your hospitality.',
  'I would like a window seat.', 'How long will it take?', 'Please wake me up at seven.', 'The package arrived damaged.', 'I want to return this item.',
  'Could I see the menu?', 'Without ice, please.', 'The children are hungry.', 'Where can I rent a bike?', 'Is the beach far from here?',
  'Welcome to our home.', 'Please take off your shoes.', 'Dinner is ready.', 'Let us meet at the café.', 'I miss you.',
  'Good luck with your exam.', 'Get well soon.', 'The concert starts at eight.', 'I forgot my umbrella.', 'It is raining again.',
  'Can you recommend a good hotel?', 'We need more towels.', 'The shower is not working.', 'Is the water safe to drink?', 'How do you say this word?',
  'I am a vegetarian.', 'No sugar, please.', 'The flight is delayed.', 'Which platform is it?', 'Can I leave my bag here?',
  'What a beautiful view!', 'Please close the door.', 'I will call you later.', 'The office is on the third floor.', 'Thank you for the gift.',
  'Merry Christmas and happy new year.', 'Where is the exit?', 'Can we have some more bread?', 'I am looking for a pharmacy.', 'This is my first visit.',
];
