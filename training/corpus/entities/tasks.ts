/** To-do items as a person would type them: lower case, no names or places (see cities.ts for why). */
export const TASKS: readonly string[] = [
  'buy milk', 'call the plumber', 'renew my passport', 'pay the electricity bill', 'water the plants', 'book a dentist appointment', 'pick up the dry cleaning', 'return the library books',
  'fix the leaking tap', 'send the invoice', 'finish the quarterly report', 'update my resume', 'clean the garage', 'take out the recycling', 'order printer ink', 'schedule a car service',
  'buy a birthday present', 'write thank-you cards', 'change the smoke alarm batteries', 'defrost the freezer', 'pay the rent', 'cancel the gym membership', 'back up my laptop', 'file the tax return',
  'reply to the landlord', 'buy dog food', 'walk the dog', 'clean the bathroom', 'vacuum the living room', 'mow the lawn', 'wash the car', 'iron the shirts',
  'prepare the slides', 'review the pull request', 'book train tickets', 'renew the car insurance', 'submit the expense report', 'call the bank', 'refill the prescription', 'buy groceries',
  'bake bread', 'repot the cactus', 'sort the mail', 'shred old documents', 'organise the closet', 'donate old clothes', 'fix the bike tyre', 'oil the door hinges',
  'descale the kettle', 'clean the oven', 'replace the light bulb', 'hang the picture frames', 'assemble the bookshelf', 'paint the fence', 'clear the gutters', 'sweep the porch',
  'buy stamps', 'post the parcel', 'print the boarding passes', 'check the tyre pressure', 'top up the transit card', 'pay the water bill', 'cancel the newspaper subscription', 'update the phone software',
  'charge the power bank', 'buy batteries', 'read chapter five', 'practise the piano piece', 'study for the exam', 'finish the essay draft', 'email the professor', 'register for the course',
  'pay the parking fine', 'book a haircut', 'make a vet appointment', 'give the cat its medicine', 'clean the fish tank', 'buy a new charger', 'return the shoes', 'exchange the sweater',
  'write the meeting notes', 'prepare the agenda', 'send the contract', 'sign the lease', 'scan the receipts', 'archive old emails', 'unsubscribe from newsletters', 'reset the router',
  'plan the weekly meals', 'make soup for the week', 'buy coffee beans', 'restock the pantry', 'label the freezer boxes', 'clean the windows', 'dust the shelves', 'change the bed sheets',
  'wash the curtains', 'fix the squeaky door', 'tighten the cabinet handles', 'buy wrapping paper', 'wrap the presents', 'send holiday cards', 'call the insurance company', 'book the annual checkup',
  'get a flu shot', 'buy sunscreen', 'pack the suitcase', 'water the garden', 'feed the neighbour’s cat', 'pick up the kids from practice', 'buy school supplies', 'sign the permission slip',
  'pay the phone bill', 'compare electricity tariffs', 'cancel the streaming trial', 'renew the domain name', 'update the website', 'fix the broken link', 'write the blog post', 'edit the podcast episode',
  'record the voiceover', 'order business cards', 'reply to customer emails', 'follow up with the supplier', 'chase the unpaid invoice', 'reconcile the accounts', 'prepare the payroll', 'back up the server',
  'rotate the passwords', 'renew the SSL certificate', 'test the backup restore', 'clean up the shared drive', 'review the budget', 'draft the newsletter', 'proofread the brochure', 'book the meeting room',
  'order lunch for the team', 'collect the package', 'measure the window for blinds', 'buy a doormat', 'fix the wobbly table', 'glue the broken mug', 'sharpen the kitchen knives', 'clean the barbecue',
  'check the smoke detector', 'bleed the radiators', 'service the boiler', 'book a chimney sweep', 'buy light bulbs', 'recycle the old phone', 'sell the old bike', 'list the sofa online',
  'research new laptops', 'compare phone plans', 'set up the new printer', 'install the security update', 'learn ten new words', 'stretch for ten minutes', 'meditate before bed', 'drink more water',
  'call grandma', 'send flowers to mom', 'plan the anniversary surprise', 'book the babysitter', 'make a photo album', 'frame the diploma', 'print the family photos', 'write in the journal',
];

/** What a timer is for: short noun phrases that read well after "for the" or "labelled". */
export const TIMER_LABELS: readonly string[] = [
  'pasta', 'laundry', 'tea', 'eggs', 'rice', 'bread', 'cookies', 'pizza', 'oven', 'roast chicken',
  'nap', 'break', 'meditation', 'workout', 'plank', 'stretching', 'homework', 'reading', 'study session', 'parking meter',
  'soup', 'cake', 'brownies', 'muffins', 'potatoes', 'steak', 'salmon', 'dumplings', 'noodles', 'porridge',
  'dough', 'coffee', 'cold brew', 'face mask', 'hair dye', 'phone call', 'piano practice', 'presentation', 'focus block', 'power nap',
  'kids’ screen time', 'dryer', 'dishwasher', 'slow cooker', 'sourdough proof', 'yoghurt', 'jam', 'lasagne', 'curry', 'chili',
  'popcorn', 'boiled eggs', 'quinoa', 'lentils', 'banana bread', 'pie', 'waffles', 'pancakes', 'beans', 'stew',
];
