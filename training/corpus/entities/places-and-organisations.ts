/** Street names for addresses (numbers are added at random). No city or person names in them. */
export const STREETS: readonly string[] = [
  'Maple Avenue', 'Harbour Road', 'Elm Street', 'Station Road', 'Mill Lane', 'Church Street', 'Orchard Way', 'Riverside Drive',
  'Birch Crescent', 'Willow Close', 'Market Square', 'Quarry Lane', 'Chapel Row', 'Beacon Street', 'Lighthouse Road', 'Meadow Lane',
  'Foundry Street', 'Canal Walk', 'Sycamore Drive', 'Linden Avenue', 'Rue des Lilas', 'Calle del Sol', 'Via delle Rose', 'Kastanienallee',
  'Lindenstraße', 'Rua das Flores', 'Avenida Central', 'Ringweg', 'Kirkegata', 'Storgatan', 'Nieuwe Gracht', 'Boulevard des Capucines',
  'Bay View Terrace', 'Cherry Tree Lane', 'Copper Beech Road', 'Falcon Way', 'Granary Court', 'Heather Bank', 'Ivy Lane', 'Juniper Road',
  'Kingfisher Close', 'Lavender Street', 'Magnolia Court', 'Nightingale Avenue', 'Old Forge Road', 'Poplar Grove', 'Rosemary Lane', 'Saddler Street',
  'Tannery Lane', 'Upland Road', 'Vineyard Hill Road', 'Watermill Way', 'Yarrow Drive', 'Acorn Street', 'Bluebell Way', 'Cobblestone Alley',
  'Dockside Road', 'Evergreen Terrace', 'Ferry Lane', 'Glebe Road', 'Hawthorn Avenue', 'Ironworks Road', 'Jetty Street', 'Keel Row',
  'Lantern Lane', 'Mariner Street', 'Northgate', 'Oakfield Road', 'Pier Road', 'Quayside', 'Ropewalk', 'Shipyard Lane',
];

/** Made-up employers for contacts and job postings (the real companies in companies.ts are for stocks). */
export const EMPLOYERS: readonly string[] = [
  'Brightline Analytics', 'Northwind Logistics', 'Bluepeak Software', 'Tidewater Health', 'Lumen Robotics', 'Quarrystone Builders', 'Harborview Capital', 'Redkite Studios',
  'Cobalt Works', 'Meadowlark Foods', 'Ironbridge Engineering', 'Sunhollow Energy', 'Clearwater Labs', 'Polaris Consulting', 'Kestrel Aviation', 'Driftwood Design',
  'Granite Peak Outfitters', 'Mossbank Insurance', 'Copperleaf Media', 'Pinecrest Realty', 'Larkspur Games', 'Tallgrass Farms', 'Saltmarsh Shipping', 'Hollowtree Publishing',
  'Nimbus Cloud Services', 'Arcadia Clinics', 'Fernhill Academy', 'Silverline Telecom', 'Starling Payments', 'Oakridge University', 'Quillfeather Legal', 'Bramblewood Bakery',
  'Vantage Point Marketing', 'Summit Ridge Hotels', 'Bluewater Marine', 'Ember Solar', 'Keystone Logistics', 'Orchid Biotech', 'Riverbend Brewing', 'Trailhead Gear',
  'Wavelength Audio', 'Ashgrove Architects', 'Beacon Security', 'Cascade Water', 'Dovetail Furniture', 'Evergreen Nurseries', 'Foxglove Pharmacy', 'Gullwing Motors',
  'Heron Data', 'Inkwell Printing', 'Jadestone Jewellers', 'Kiln & Clay Studio', 'Lodestar Travel', 'Mistral Airlines', 'Nettle & Sage Apothecary', 'Opal Fintech',
];

/** Job titles for contacts and job postings. */
export const JOB_TITLES: readonly string[] = [
  'Software Engineer', 'Senior Data Scientist', 'Product Manager', 'UX Designer', 'Marketing Coordinator', 'Sales Representative', 'Account Executive', 'Customer Success Manager',
  'Financial Analyst', 'Accountant', 'HR Business Partner', 'Recruiter', 'Office Manager', 'Operations Lead', 'Supply Chain Analyst', 'Warehouse Supervisor',
  'Registered Nurse', 'Pharmacist', 'Physiotherapist', 'Dental Hygienist', 'Lab Technician', 'Research Scientist', 'Mechanical Engineer', 'Civil Engineer',
  'Electrician', 'Plumbing Technician', 'Site Manager', 'Architect', 'Interior Designer', 'Graphic Designer', 'Copywriter', 'Content Strategist',
  'Social Media Manager', 'Video Editor', 'Photographer', 'Chef de Partie', 'Sous Chef', 'Barista', 'Hotel Receptionist', 'Travel Consultant',
  'Flight Attendant', 'Logistics Coordinator', 'Delivery Driver', 'Teacher', 'Teaching Assistant', 'Librarian', 'Legal Assistant', 'Paralegal',
  'Data Engineer', 'DevOps Engineer', 'Security Analyst', 'QA Engineer', 'Frontend Developer', 'Backend Developer', 'Mobile Developer', 'Machine Learning Engineer',
  'IT Support Specialist', 'Network Administrator', 'Technical Writer', 'Project Coordinator', 'Executive Assistant', 'Event Planner', 'Fitness Instructor', 'Veterinary Nurse',
];

/** Venues for events in extraction texts. */
export const VENUES: readonly string[] = [
  'Riverside Hall', 'The Grand Ballroom', 'Community Centre Room 2', 'Oak Auditorium', 'The Glasshouse', 'Harbour Pavilion', 'Conference Room B', 'The Old Town Hall',
  'Lakeside Lodge', 'The Atrium', 'North Wing Lecture Theatre', 'Rooftop Terrace', 'The Boathouse', 'Meeting Room 4', 'The Warehouse Studio', 'Garden Marquee',
  'The Library Reading Room', 'Innovation Hub', 'Chapel Gallery', 'Main Stage', 'The Observatory', 'Courtyard Café', 'Studio 9', 'The Drill Hall',
  'Hillside Amphitheatre', 'The Lantern Theatre', 'Pine Room', 'Exhibition Hall C', 'The Loft', 'Seminar Room 12', 'The Orangery', 'The Foundry Space',
];
