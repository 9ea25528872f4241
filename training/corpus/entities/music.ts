/** Made-up songs and bands, and real genres: what play_music's query holds. No people's names in them. */
export const SONGS: readonly string[] = [
  'Midnight Harbor', 'Paper Lanterns', 'Slow Motion Summer', 'Glass Houses', 'Northern Lights Again', 'Static Hearts', 'Wildfire Season', 'Echoes in the Hall',
  'Velvet Morning', 'Satellite Love', 'Rain on the Tin Roof', 'Gold and Rust', 'Borrowed Time', 'Neon Tears', 'The Long Way Home', 'Waves of Blue',
  'Electric Daydream', 'Falling Feathers', 'Hollow Moon', 'Copper Sky', 'Runaway Train of Thought', 'Silver Lining', 'Lost in the Static', 'Ocean Hush',
  'Firework Heart', 'Dancing in the Kitchen', 'Cold Coffee', 'Sunday Drive', 'Stars Over the Highway', 'Broken Compass', 'Letters Never Sent', 'Paper Planes at Dawn',
  'Kaleidoscope', 'Afterglow Avenue', 'Quiet Thunder', 'Sugar and Smoke', 'Twelve Winters', 'Lighthouse Keeper', 'Open Windows', 'The Last Carousel',
  'Heartbeat Radio', 'Ghost of the Valley', 'Crimson Tide Pool', 'Morning Fog', 'Spinning Plates', 'Feather and Stone', 'Coastline Memories', 'Into the Deep End',
  'Tangerine Sunset', 'City of Mirrors', 'Bittersweet Orchard', 'Porcelain Skin', 'Wandering Star', 'Dream in Blue', 'Cherry Blossom Rain', 'Hurricane Season',
  'Clockwork Hearts', 'Summer Static', 'Fireflies and Freight Trains', 'Ivory Keys', 'The River Knows', 'Walking on Wires', 'Holding Pattern', 'Smoke Signals',
  'Crystal Canyon', 'Lemonade Afternoon', 'Shadows on the Wall', 'Parachute', 'Seventeen Bridges', 'Marble Halls', 'Desert Rose Petals', 'Weightless',
  'Night Bus Home', 'Honey and Thunder', 'Salt in the Wound', 'Pale Blue Morning', 'Lighter Than Air', 'The Great Unknown', 'Wild Ponies Run', 'Sleepwalker',
  'Golden Hour', 'Undertow', 'Ribbon of Dusk', 'Fever Dream', 'Pocket Full of Rain', 'Windmills', 'The Quiet Hours', 'Riverbed',
  'Thunder Trip', 'Lavender Rain', 'Distant Shores', 'Magnetic North', 'Open Road Anthem', 'Tin Can Telephone', 'Stardust Highway', 'Roses in the Snow',
  'Paper Moon Rising', 'Sidewalk Chalk', 'Glow in the Dark', 'Fading Polaroids', 'Skyline Serenade', 'The Tide Turns', 'Emerald Lake', 'Rooftop Party',
  'Painted Horizons', 'Snowglobe', 'Last Train Out', 'Lullaby for the Restless', 'Low Orbit', 'Chasing Daylight', 'Starlit Avenue', 'Hummingbird',
];

export const ARTISTS: readonly string[] = [
  'The Velvet Foxes', 'Neon Orchard', 'Paper Satellites', 'Glass Antlers', 'The Midnight Ferries', 'Copper Lungs', 'Static Bloom', 'The Hollow Pines',
  'Lunar Tide', 'Ivory Canyon', 'The Rust Belt Choir', 'Silver Wolves', 'Marble Arcade', 'The Lantern Society', 'Electric Meadow', 'Cloud Harbor',
  'The Wandering Echoes', 'Amber Waves Collective', 'Saltwater Sound', 'The Tin Soldiers', 'Northbound', 'Velvet Thunder', 'The Brass Owls', 'Crimson Kites',
  'The Paper Hearts', 'Starling Parade', 'Ghost Orchid', 'The Night Gardeners', 'Dust and Daylight', 'Polar Radio', 'The Golden Hinges', 'Magnolia Drive',
  'The Quiet Storms', 'Prism Youth', 'Wildflower Union', 'The Copper Crowns', 'Ocean Avenue Band', 'Firelight Fable', 'The Sleepless Owls', 'Analog Sunrise',
  'Moth and Flame', 'The Blue Herons', 'Harbor Lights', 'Stereo Lagoon', 'The Distant Bells', 'Feathered Engines', 'Cobalt Coast', 'The Wild Clovers',
  'Echo Canyon Riders', 'Honeybee Orchestra', 'The Flying Teacups', 'Violet Static', 'Hollow Bones', 'The Glass Pilots', 'Tidal Youth', 'Juniper Street Band',
  'The Cardinal Sins', 'Lighthouse Choir', 'Sapphire Engines', 'The Morning Papers', 'Orbit Society', 'The Foxglove Trio', 'Sundial', 'Northern Bloom',
  'The Lost Kites', 'Paper Tigers Revival', 'Silk Thread Quartet', 'The Velvet Lanterns', 'Glacier Bay', 'Kite Riders Club', 'The Echo Chamber', 'Mirror Lake',
  'The Sonic Gardeners', 'Twilight Ferris Wheel', 'Golden Static', 'The Iron Swans', 'Cassette Hearts', 'Blue Moon Brigade', 'The Stray Comets', 'Radio Cedar',
  'Tangerine Machine', 'The Autumn Kings', 'Neon Cathedral', 'The Lonely Satellites', 'Coral Reef Radio', 'Thunderbird Motel', 'The Whistling Kettles', 'Seafoam',
  'Lavender Fields', 'The Midnight Bakers', 'Rocket Garden', 'Canary Yellow', 'The Outbound Train', 'Pinecone Orchestra', 'Electric Penguins', 'The Pale Riders',
  'Stone Fruit', 'The Open Shutters', 'Cinder Bloc', 'Velour Machine',
];

export const GENRES: readonly string[] = [
  'jazz', 'classical music', 'lo-fi hip hop', 'hip hop', 'indie rock', 'rock', 'blues', 'country', 'bluegrass', 'reggae',
  'bossa nova', 'salsa', 'samba', 'tango', 'flamenco', 'afrobeat', 'highlife', 'k-pop', 'j-pop', 'synthwave',
  'ambient', 'techno', 'house music', 'drum and bass', 'dubstep', 'disco', 'funk', 'soul', 'gospel', 'opera',
  'baroque', 'folk', 'punk rock', 'heavy metal', 'grunge', 'trip hop', 'smooth jazz', 'bebop', 'chillwave', 'shoegaze',
  'piano music', 'acoustic guitar', 'movie soundtracks', 'video game music', 'sea shanties', 'lullabies', 'cumbia', 'zouk',
];
