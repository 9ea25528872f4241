/** Made-up restaurant names: no cities, people or cuisines' nationalities in them (see cities.ts for why). */
export const RESTAURANTS: readonly string[] = [
  'The Copper Kettle', 'Saffron House', 'Blue Fig', 'The Olive Branch', 'Ember & Oak', 'The Salt Cellar', 'Lantern Room', 'Harvest Table',
  'The Gilded Spoon', 'Cedar & Smoke', 'Little Pepper', 'The Hungry Heron', 'Juniper Kitchen', 'The Rusty Anchor', 'Moonflower', 'Pomegranate',
  'The Brass Fork', 'Wild Thyme', 'Tamarind Tree', 'The Quiet Crab', 'Fennel & Fig', 'Marigold Bistro', 'The Velvet Plate', 'Cloudberry',
  'The Drunken Noodle', 'Sesame Kitchen', 'The Painted Fish', 'Bramble', 'The Pickled Onion', 'Orchard House', 'The Black Lentil', 'Firefly Grill',
  'The Golden Dumpling', 'Sorrel', 'Clove & Cardamom', 'The Tin Kitchen', 'Larder & Vine', 'The Crooked Chimney', 'Riverstone Grill', 'The Honey Pot',
  'Nightjar', 'The Walnut Tree', 'Basil & Brine', 'The Hidden Courtyard', 'Peppercorn', 'The Lemon Grove', 'Smokehouse 42', 'The Cast Iron',
  'Kumquat', 'The Sea Lantern', 'Chestnut & Clover', 'The Purple Carrot', 'Driftwood Kitchen', 'The Old Bakehouse', 'Mango & Lime', 'The Spice Route',
  'Coriander', 'The Hearth', 'Elderflower', 'The Fig & Fox', 'Ginger Lily', 'Maple & Ash', 'The Noodle Bar', 'Stonebaked',
  'The Fat Radish', 'Seaglass', 'Thistle & Rye', 'The Lazy Lobster', 'Ramen Lab', 'The Wandering Goat', 'Silver Birch', 'Taco Temple',
  'The Steam Room', 'Umami House', 'The Cheese Cave', 'Vine & Barrel', 'The Green Door', 'Pho Corner', 'Porcini', 'The Blind Pig',
  'Bao Down', 'The Curry Leaf', 'Half Moon Bistro', 'The Dumpling Jar', 'Sourdough & Co', 'The Smoked Salmon', 'Wasabi Garden', 'The Potting Shed',
  'Tortilla Flats', 'The Corkscrew Room', 'Lotus Leaf', 'The Sardine Tin', 'Pistachio', 'The Artichoke', 'Barley & Hops', 'The Gingerbread House',
  'Fire & Salt', 'The Little Teapot', 'Kimchi Kitchen', 'The Sunflower Cafe', 'Charcoal', 'The Pearl Oyster', 'Honeycomb', 'The Polenta Pot',
  'Mezze Table', 'The Paprika Pan', 'Sumac', 'The Roasted Bean', 'Cinnamon Club', 'The Rolling Pin', 'Wok & Roll', 'The Anchovy',
];
