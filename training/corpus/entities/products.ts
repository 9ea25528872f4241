/** Made-up products (with brands) for orders, product descriptions and procedural tools. */
export interface Product {
  readonly name: string;
  readonly brand: string;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Aurora desk lamp', brand: 'Lumora' }, { name: 'TrailMaster 40L backpack', brand: 'Ridgeway' }, { name: 'Cloudstep running shoes', brand: 'Strider' },
  { name: 'Espresso Pro 2 coffee machine', brand: 'Brewhaus' }, { name: 'Nordic wool blanket', brand: 'Fjellhome' }, { name: 'QuietPod wireless earbuds', brand: 'Sonique' },
  { name: 'Summit insulated bottle', brand: 'Ridgeway' }, { name: 'FlexFit yoga mat', brand: 'Asana Gear' }, { name: 'Atlas standing desk', brand: 'Ergonova' },
  { name: 'Pixel Pen stylus', brand: 'Inkline' }, { name: 'Harbor rain jacket', brand: 'Tidewear' }, { name: 'Ember cast iron skillet', brand: 'Forgeware' },
  { name: 'Drift ceramic mug set', brand: 'Kilnworks' }, { name: 'Voyager carry-on suitcase', brand: 'Roamly' }, { name: 'Breeze tower fan', brand: 'Aerolux' },
  { name: 'Zenith smartwatch', brand: 'Chronex' }, { name: 'Nimbus pillow', brand: 'Dreamloft' }, { name: 'Sprout herb garden kit', brand: 'Greenpatch' },
  { name: 'Orbit bluetooth speaker', brand: 'Sonique' }, { name: 'Glide electric toothbrush', brand: 'Brightsmile' }, { name: 'Canvas tote bag', brand: 'Fieldcraft' },
  { name: 'Polar sleeping bag', brand: 'Ridgeway' }, { name: 'Mosaic jigsaw puzzle', brand: 'Puzzlewright' }, { name: 'Echo mechanical keyboard', brand: 'Keysmith' },
  { name: 'Lumen ring light', brand: 'Lumora' }, { name: 'Tempo kitchen scale', brand: 'Forgeware' }, { name: 'Harvest salad spinner', brand: 'Greenpatch' },
  { name: 'Pebble power bank', brand: 'Voltbox' }, { name: 'Sierra hiking boots', brand: 'Strider' }, { name: 'Cascade water filter', brand: 'Purewell' },
  { name: 'Velvet armchair', brand: 'Dovecraft' }, { name: 'Compass road bike', brand: 'Velomark' }, { name: 'Ridge bike helmet', brand: 'Velomark' },
  { name: 'Spark air fryer', brand: 'Brewhaus' }, { name: 'Solace noise machine', brand: 'Dreamloft' }, { name: 'Quill fountain pen', brand: 'Inkline' },
  { name: 'Atlas world map poster', brand: 'Fieldcraft' }, { name: 'Frost ice cream maker', brand: 'Chillcraft' }, { name: 'Prism sunglasses', brand: 'Optiq' },
  { name: 'Beacon smoke detector', brand: 'Safeharbor' }, { name: 'Hearth wood stove', brand: 'Forgeware' }, { name: 'Tundra winter gloves', brand: 'Tidewear' },
  { name: 'Lullaby baby monitor', brand: 'Safeharbor' }, { name: 'Sketchbook A4 pack', brand: 'Inkline' }, { name: 'Pulse fitness tracker', brand: 'Chronex' },
  { name: 'Vista 27-inch monitor', brand: 'Optiq' }, { name: 'Anchor dumbbell set', brand: 'Ironclad' }, { name: 'Meadow linen sheets', brand: 'Fjellhome' },
  { name: 'Bolt USB-C charger', brand: 'Voltbox' }, { name: 'Terra plant pot', brand: 'Kilnworks' }, { name: 'Rover dog bed', brand: 'Pawsome' },
  { name: 'Whisker cat tree', brand: 'Pawsome' }, { name: 'Horizon camping tent', brand: 'Ridgeway' }, { name: 'Crest chef’s knife', brand: 'Forgeware' },
  { name: 'Aria digital piano', brand: 'Keysmith' }, { name: 'Cirrus humidifier', brand: 'Aerolux' }, { name: 'Stack storage boxes', brand: 'Dovecraft' },
  { name: 'Sol solar garden lights', brand: 'Greenpatch' }, { name: 'Nomad laptop sleeve', brand: 'Roamly' }, { name: 'Pantry glass jars', brand: 'Kilnworks' },
];
