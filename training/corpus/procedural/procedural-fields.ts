import type { Domain } from './procedural-nouns.js';

/** The entity lists a field's value can come from (the split's side decides which half). */
export type EntitySource = 'person' | 'email' | 'city' | 'product' | 'employer' | 'venue' | 'eventTitle' | 'street' | 'jobTitle' | 'restaurant' | 'song' | 'artist' | 'username';

export type ValueSource =
  /** Codes such as order numbers: `#` is a digit, `^` a capital letter, `~` a small one, anything else itself. */
  | { readonly kind: 'pattern'; readonly patterns: readonly string[] }
  | { readonly kind: 'entity'; readonly entity: EntitySource }
  /** Short free texts, copied into the call as written. */
  | { readonly kind: 'text'; readonly texts: readonly string[] }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly decimals: number }
  | { readonly kind: 'enum'; readonly options: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' };

export interface ProceduralField {
  /** The property name in the schema, snake case. Held out by name for `test_tools`. */
  readonly name: string;
  readonly domain: Domain | 'general';
  /** How a request names the field: "tracking number". Booleans read as a feature: "gift wrapping". */
  readonly label: string;
  readonly description: string;
  readonly value: ValueSource;
}

type FieldMaker = (name: string, label: string, description?: string) => ProceduralField;

function maker(domain: Domain | 'general', value: ValueSource): FieldMaker {
  return (name, label, description) => ({ name, domain, label, description: description ?? label[0]!.toUpperCase() + label.slice(1), value });
}

const code = (domain: Domain | 'general', name: string, label: string, ...patterns: string[]): ProceduralField => maker(domain, { kind: 'pattern', patterns })(name, label);
const entity = (domain: Domain | 'general', name: string, label: string, source: EntitySource): ProceduralField => maker(domain, { kind: 'entity', entity: source })(name, label);
const text = (domain: Domain | 'general', name: string, label: string, texts: readonly string[]): ProceduralField => maker(domain, { kind: 'text', texts })(name, label);
const count = (domain: Domain | 'general', name: string, label: string, min: number, max: number): ProceduralField => maker(domain, { kind: 'integer', min, max })(name, label);
const amount = (domain: Domain | 'general', name: string, label: string, min: number, max: number, decimals = 2): ProceduralField => maker(domain, { kind: 'number', min, max, decimals })(name, label);
const choice = (domain: Domain | 'general', name: string, label: string, options: readonly string[]): ProceduralField => maker(domain, { kind: 'enum', options })(name, label);
const flag = (domain: Domain | 'general', name: string, label: string): ProceduralField => maker(domain, { kind: 'boolean' })(name, label);
const day = (domain: Domain | 'general', name: string, label: string): ProceduralField => maker(domain, { kind: 'date' })(name, label, `${label[0]!.toUpperCase()}${label.slice(1)} as YYYY-MM-DD`);

const PHONE_PATTERNS = ['+44 7### ######', '+1 ### ### ####', '0### ### ####'];
const NOTES = ['leave it at the back door', 'ring the bell twice', 'call me on arrival', 'fragile, handle with care', 'please use the side entrance', 'no rush on this one', 'urgent, needed by noon', 'second floor, flat 4', 'ask for the front desk', 'quiet room if possible'];
const ISSUES = ['the screen flickers on startup', 'the app crashes when I log in', 'I was charged twice', 'the item arrived broken', 'the heating does not turn on', 'the export button does nothing', 'my password reset email never arrived', 'the door lock is jammed', 'the invoice total is wrong', 'the printer keeps jamming'];
const TOPICS = ['quarterly results', 'new office hours', 'system maintenance', 'holiday schedule', 'policy update', 'welcome new joiners', 'price changes', 'fire drill on Thursday', 'parking changes', 'summer party'];
const ROOMS = ['kitchen', 'living room', 'bedroom', 'hallway', 'bathroom', 'office', 'garage', 'garden'];
const PET_NAMES = ['Biscuit', 'Pepper', 'Mochi', 'Rocket', 'Noodle', 'Waffles', 'Ziggy', 'Pumpkin', 'Bandit', 'Clover', 'Tofu', 'Maple'];
const DEVICE_NAMES = ['hallway light', 'porch light', 'desk lamp', 'bedroom heater', 'garden sprinkler', 'front camera', 'living room speaker', 'kitchen fan'];
const PLAYLISTS = ['Morning Run', 'Focus Flow', 'Sunday Chill', 'Road Trip Mix', 'Dinner Party', 'Rainy Day', 'Throwback Hits', 'Deep Work'];
const TITLES = ['Spring launch plan', 'Onboarding checklist', 'Q3 roadmap', 'Safety guidelines', 'Brand refresh', 'Annual summary', 'Hiring plan', 'Travel policy'];
const REASONS = ['too small', 'wrong colour', 'arrived late', 'changed my mind', 'defective', 'not as described'];
const SYMPTOMS = ['mild headache', 'sore throat', 'back pain', 'persistent cough', 'itchy eyes', 'trouble sleeping'];
const DISHES = ['mushroom risotto', 'lentil soup', 'banana pancakes', 'chicken curry', 'veggie lasagne', 'lemon tart'];
const ROUTES = ['river loop', 'hill climb', 'park circuit', 'coastal path', 'forest trail'];
const MODELS = ['Corolla', 'Golf', 'Model 3', 'Civic', 'Octavia', 'Qashqai', 'Clio', 'Outback'];

export const PROCEDURAL_FIELDS: readonly ProceduralField[] = [
  // general: any noun can take these
  code('general', 'reference_number', 'reference number', 'REF-#####', 'R#######'),
  entity('general', 'customer_name', 'customer name', 'person'),
  entity('general', 'contact_email', 'contact email', 'email'),
  code('general', 'phone_number', 'phone number', ...PHONE_PATTERNS),
  text('general', 'notes', 'notes', NOTES),
  day('general', 'effective_date', 'effective date'),
  choice('general', 'priority_level', 'priority level', ['low', 'normal', 'high', 'critical']),
  flag('general', 'send_confirmation', 'a confirmation email'),
  entity('general', 'city', 'city', 'city'),
  count('general', 'quantity', 'quantity', 1, 20),
  choice('general', 'language_code', 'language code', ['en', 'es', 'fr', 'de', 'pt', 'it', 'ja', 'zh']),
  code('general', 'account_id', 'account ID', 'ACC-######', 'AC#####'),
  entity('general', 'requested_by', 'requester', 'person'),
  day('general', 'start_date', 'start date'),
  day('general', 'end_date', 'end date'),
  flag('general', 'notify_by_sms', 'SMS notifications'),
  // commerce
  code('commerce', 'order_id', 'order ID', 'ORD-#####', 'ORD-######', '^########'),
  code('commerce', 'order_number', 'order number', '###-#######-#######', '\\######'),
  code('commerce', 'sku', 'SKU', 'SKU-####-^^', '^^-#####'),
  entity('commerce', 'product_name', 'product', 'product'),
  count('commerce', 'item_count', 'number of items', 1, 12),
  code('commerce', 'coupon_code', 'coupon code', 'SAVE##', '^^^^^##', 'WELCOME##'),
  flag('commerce', 'gift_wrap', 'gift wrapping'),
  choice('commerce', 'shipping_method', 'shipping method', ['standard', 'express', 'overnight', 'pickup']),
  choice('commerce', 'size', 'size', ['XS', 'S', 'M', 'L', 'XL']),
  choice('commerce', 'color', 'colour', ['black', 'white', 'navy', 'olive', 'burgundy', 'grey']),
  day('commerce', 'delivery_date', 'delivery date'),
  amount('commerce', 'unit_price', 'unit price', 1, 500),
  choice('commerce', 'return_reason', 'return reason', ['damaged', 'wrong_item', 'too_small', 'too_large', 'changed_mind']),
  text('commerce', 'reason_text', 'reason', REASONS),
  code('commerce', 'gift_card_number', 'gift card number', '#### #### #### ####'),
  amount('commerce', 'gift_card_value', 'gift card value', 10, 200, 0),
  choice('commerce', 'review_rating', 'star rating', ['1', '2', '3', '4', '5']),
  code('commerce', 'store_code', 'store code', 'ST-###', 'STORE##'),
  // travel
  code('travel', 'booking_reference', 'booking reference', '^^^^^^', '^#^^#^'),
  entity('travel', 'guest_name', 'guest name', 'person'),
  entity('travel', 'departure_city', 'departure city', 'city'),
  entity('travel', 'arrival_city', 'arrival city', 'city'),
  day('travel', 'check_in_date', 'check-in date'),
  day('travel', 'check_out_date', 'check-out date'),
  count('travel', 'nights', 'number of nights', 1, 21),
  count('travel', 'guest_count', 'number of guests', 1, 8),
  choice('travel', 'room_type', 'room type', ['single', 'double', 'twin', 'suite', 'family']),
  choice('travel', 'seat_preference', 'seat preference', ['window', 'aisle', 'middle']),
  choice('travel', 'cabin_class', 'cabin class', ['economy', 'premium_economy', 'business', 'first']),
  code('travel', 'loyalty_number', 'loyalty number', 'FF########', '^^#########'),
  code('travel', 'train_number', 'train number', 'IC ###', '^^###'),
  flag('travel', 'breakfast_included', 'breakfast'),
  flag('travel', 'airport_pickup', 'an airport pickup'),
  code('travel', 'passport_number', 'passport number', '^########', '^^#######'),
  choice('travel', 'car_category', 'car category', ['compact', 'midsize', 'suv', 'van', 'convertible']),
  count('travel', 'luggage_pieces', 'pieces of luggage', 0, 6),
  // logistics
  code('logistics', 'tracking_number', 'tracking number', '1Z###^###########', '^^#########^^', '###########'),
  choice('logistics', 'carrier', 'carrier', ['DHL', 'USPS', 'DPD', 'GLS', 'PostNL', 'Royal Mail']),
  amount('logistics', 'weight_kg', 'weight in kilograms', 0.2, 40, 1),
  code('logistics', 'postcode', 'postcode', '#####', '^## #^^', '#### ^^'),
  flag('logistics', 'signature_required', 'a signature on delivery'),
  day('logistics', 'pickup_date', 'pickup date'),
  entity('logistics', 'recipient_name', 'recipient', 'person'),
  entity('logistics', 'delivery_street', 'delivery street', 'street'),
  code('logistics', 'warehouse_code', 'warehouse code', 'WH-##', '^^^#'),
  count('logistics', 'box_count', 'number of boxes', 1, 30),
  choice('logistics', 'delivery_window', 'delivery window', ['morning', 'afternoon', 'evening']),
  flag('logistics', 'insured', 'shipping insurance'),
  // health
  entity('health', 'patient_name', 'patient name', 'person'),
  day('health', 'appointment_date', 'appointment date'),
  code('health', 'insurance_number', 'insurance number', 'INS-#######', '^^########'),
  entity('health', 'doctor_name', 'doctor', 'person'),
  text('health', 'symptoms', 'symptoms', SYMPTOMS),
  code('health', 'prescription_number', 'prescription number', 'RX-######', 'RX#####'),
  amount('health', 'dosage_mg', 'dosage in mg', 5, 1000, 0),
  flag('health', 'fasting', 'fasting beforehand'),
  choice('health', 'visit_type', 'visit type', ['in_person', 'video', 'phone']),
  entity('health', 'clinic_city', 'clinic city', 'city'),
  day('health', 'date_of_birth', 'date of birth'),
  code('health', 'patient_id', 'patient ID', 'P-######', 'PT#####'),
  // office
  entity('office', 'meeting_room_name', 'meeting space', 'venue'),
  entity('office', 'attendee_email', 'attendee email', 'email'),
  text('office', 'agenda', 'agenda', TOPICS),
  choice('office', 'department', 'department', ['sales', 'marketing', 'engineering', 'finance', 'legal', 'operations']),
  code('office', 'employee_number', 'employee number', 'E#####', 'EMP-####'),
  code('office', 'project_code', 'project code', 'PRJ-###', '^^^-##'),
  text('office', 'document_title', 'document title', TITLES),
  count('office', 'page_count', 'number of pages', 1, 300),
  count('office', 'attendee_count', 'number of attendees', 2, 40),
  flag('office', 'needs_projector', 'a projector'),
  choice('office', 'file_format', 'file format', ['pdf', 'docx', 'xlsx', 'csv']),
  amount('office', 'expense_amount', 'expense amount', 3, 2500),
  choice('office', 'expense_category', 'expense category', ['travel', 'meals', 'software', 'equipment', 'training']),
  day('office', 'submission_date', 'submission date'),
  count('office', 'hours_worked', 'hours worked', 1, 60),
  entity('office', 'approver_name', 'approver', 'person'),
  // finance
  code('finance', 'account_number', 'account number', '########', '##-##-## ########'),
  code('finance', 'iban', 'IBAN', '^^## #### #### #### #### ##'),
  amount('finance', 'payment_amount', 'amount', 5, 20000),
  choice('finance', 'currency', 'currency', ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD']),
  entity('finance', 'payee_name', 'payee', 'employer'),
  code('finance', 'invoice_number', 'invoice number', 'INV-#####', 'INV-2025-####', '####/##'),
  day('finance', 'due_date', 'due date'),
  flag('finance', 'recurring', 'a recurring payment'),
  choice('finance', 'frequency', 'frequency', ['weekly', 'monthly', 'quarterly', 'yearly']),
  amount('finance', 'target_amount', 'target amount', 100, 50000, 0),
  code('finance', 'card_last_four', 'last four digits of the card', '####'),
  text('finance', 'payment_reference', 'payment reference', ['rent March', 'invoice payment', 'school trip', 'birthday gift', 'deposit', 'membership fee']),
  choice('finance', 'budget_category', 'budget category', ['groceries', 'transport', 'entertainment', 'utilities', 'dining', 'savings']),
  // home
  choice('home', 'room', 'room', ROOMS),
  amount('home', 'target_temperature', 'target temperature', 16, 26, 1),
  count('home', 'brightness_percent', 'brightness percentage', 0, 100),
  text('home', 'device_name', 'device name', DEVICE_NAMES),
  choice('home', 'mode', 'mode', ['eco', 'comfort', 'away', 'night', 'boost']),
  count('home', 'run_minutes', 'run time in minutes', 5, 120),
  choice('home', 'wash_program', 'wash programme', ['cotton', 'synthetics', 'wool', 'quick', 'eco']),
  count('home', 'spin_speed', 'spin speed', 400, 1600),
  flag('home', 'child_lock', 'child lock'),
  text('home', 'dish_name', 'dish', DISHES),
  count('home', 'servings', 'number of servings', 1, 12),
  text('home', 'chore_description', 'chore', ['empty the dishwasher', 'feed the fish', 'sort the recycling', 'vacuum the stairs', 'water the balcony plants']),
  entity('home', 'assigned_to', 'person it is assigned to', 'person'),
  // education
  code('education', 'student_id', 'student ID', 'S#######', 'STU-#####'),
  code('education', 'course_code', 'course code', '^^^###', '^^ ###'),
  choice('education', 'semester', 'semester', ['spring', 'summer', 'autumn', 'winter']),
  text('education', 'assignment_title', 'assignment title', ['Lab report 3', 'Essay on climate policy', 'Group project proposal', 'Problem set 7', 'Reading response']),
  choice('education', 'grade_level', 'grade level', ['undergraduate', 'graduate', 'doctoral']),
  code('education', 'isbn', 'ISBN', '978-#-##-######-#'),
  count('education', 'credits', 'number of credits', 1, 10),
  day('education', 'exam_date', 'exam date'),
  flag('education', 'extra_time', 'extra exam time'),
  // events
  entity('events', 'event_name', 'event', 'eventTitle'),
  entity('events', 'venue_name', 'venue', 'venue'),
  count('events', 'ticket_count', 'number of tickets', 1, 10),
  choice('events', 'seating_section', 'seating section', ['stalls', 'balcony', 'floor', 'box', 'general_admission']),
  entity('events', 'attendee_name', 'attendee', 'person'),
  choice('events', 'dietary_requirement', 'dietary requirement', ['none', 'vegetarian', 'vegan', 'gluten_free', 'halal', 'kosher']),
  count('events', 'plus_ones', 'number of plus-ones', 0, 4),
  day('events', 'event_date', 'event date'),
  flag('events', 'wheelchair_access', 'wheelchair access'),
  // support
  code('support', 'ticket_id', 'ticket ID', 'TCK-#####', '\\#######', 'SR-#######'),
  choice('support', 'severity', 'severity', ['minor', 'major', 'blocker']),
  text('support', 'issue_summary', 'issue summary', ISSUES),
  choice('support', 'channel', 'contact channel', ['email', 'phone', 'chat']),
  code('support', 'serial_number', 'serial number', 'SN-^^^^-####', '^#^#^#^#^#'),
  day('support', 'purchase_date', 'purchase date'),
  entity('support', 'affected_product', 'affected product', 'product'),
  flag('support', 'callback_requested', 'a callback'),
  // vehicles
  code('vehicles', 'license_plate', 'licence plate', '^^## ^^^', '^^^-####', '^ ### ^^'),
  text('vehicles', 'vehicle_model', 'vehicle model', MODELS),
  count('vehicles', 'mileage_km', 'mileage in km', 1000, 250000),
  choice('vehicles', 'service_type', 'service type', ['oil_change', 'inspection', 'tyre_rotation', 'brake_check', 'full_service']),
  entity('vehicles', 'garage_city', 'garage city', 'city'),
  count('vehicles', 'parking_hours', 'parking hours', 1, 24),
  choice('vehicles', 'connector_type', 'connector type', ['type_2', 'ccs', 'chademo']),
  amount('vehicles', 'fuel_litres', 'litres of fuel', 5, 80, 1),
  code('vehicles', 'permit_number', 'permit number', 'PP-#####'),
  // property
  code('property', 'property_id', 'property ID', 'PROP-####', 'LST-#####'),
  entity('property', 'street_address', 'address', 'street'),
  count('property', 'bedrooms', 'number of bedrooms', 1, 6),
  amount('property', 'monthly_rent', 'monthly rent', 400, 6000, 0),
  day('property', 'move_in_date', 'move-in date'),
  flag('property', 'furnished', 'furnishing'),
  flag('property', 'pets_allowed', 'pets allowed'),
  entity('property', 'tenant_name', 'tenant', 'person'),
  text('property', 'repair_description', 'repair description', ['leaking kitchen tap', 'broken window latch', 'boiler pressure low', 'mould in the bathroom', 'faulty doorbell']),
  // people
  entity('people', 'employee_name', 'employee', 'person'),
  choice('people', 'leave_type', 'leave type', ['annual', 'sick', 'parental', 'unpaid', 'compassionate']),
  entity('people', 'manager_email', 'manager email', 'email'),
  entity('people', 'job_title', 'job title', 'jobTitle'),
  amount('people', 'annual_salary', 'annual salary', 20000, 200000, 0),
  choice('people', 'employment_type', 'employment type', ['full_time', 'part_time', 'contract', 'internship']),
  entity('people', 'candidate_name', 'candidate', 'person'),
  count('people', 'years_experience', 'years of experience', 0, 30),
  entity('people', 'company_name', 'company', 'employer'),
  choice('people', 'shift_slot', 'shift', ['early', 'late', 'night', 'weekend']),
  // it
  entity('it', 'username', 'username', 'username'),
  code('it', 'hostname', 'hostname', 'web-##', 'db-prod-##', 'app-~~-##'),
  code('it', 'ip_address', 'IP address', '10.#.#.##', '192.168.#.##'),
  choice('it', 'region', 'region', ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south']),
  count('it', 'disk_size_gb', 'disk size in GB', 20, 2000),
  count('it', 'cpu_cores', 'number of CPU cores', 1, 64),
  choice('it', 'access_level', 'access level', ['read', 'write', 'admin']),
  code('it', 'domain_name', 'domain name', '~~~~~~.io', '~~~~~-~~~.com'),
  count('it', 'retention_days', 'retention in days', 1, 365),
  code('it', 'commit_hash', 'commit hash', '~#~#~#~', '#~~##~#~'),
  choice('it', 'environment', 'environment', ['staging', 'production', 'development']),
  flag('it', 'two_factor', 'two-factor authentication'),
  // fitness
  choice('fitness', 'workout_type', 'workout type', ['running', 'cycling', 'swimming', 'yoga', 'strength', 'rowing']),
  count('fitness', 'duration_min', 'duration in minutes', 10, 180),
  amount('fitness', 'distance_km', 'distance in km', 1, 50, 1),
  count('fitness', 'calories', 'calories', 50, 1500),
  count('fitness', 'daily_steps', 'daily step target', 2000, 20000),
  entity('fitness', 'trainer_name', 'trainer', 'person'),
  choice('fitness', 'intensity', 'intensity', ['easy', 'moderate', 'hard']),
  text('fitness', 'route_name', 'route', ROUTES),
  count('fitness', 'lane_number', 'lane number', 1, 8),
  // pets
  text('pets', 'pet_name', 'pet name', PET_NAMES),
  choice('pets', 'species', 'species', ['dog', 'cat', 'rabbit', 'parrot', 'hamster']),
  amount('pets', 'pet_weight_kg', 'pet weight in kg', 0.5, 60, 1),
  day('pets', 'vaccination_date', 'vaccination date'),
  count('pets', 'walk_minutes', 'walk length in minutes', 15, 120),
  flag('pets', 'needs_medication', 'medication'),
  // media
  text('media', 'playlist_name', 'playlist name', PLAYLISTS),
  entity('media', 'track_title', 'track', 'song'),
  entity('media', 'artist_name', 'artist', 'artist'),
  count('media', 'episode_number', 'episode number', 1, 250),
  choice('media', 'resolution', 'resolution', ['720p', '1080p', '4k']),
  flag('media', 'subtitles', 'subtitles'),
  text('media', 'post_title', 'post title', TITLES),
  entity('media', 'recipient_email', 'recipient email', 'email'),
  text('media', 'message_text', 'message', ['see you at eight', 'running ten minutes late', 'the report is ready', 'call me when you can', 'happy birthday!']),
  choice('media', 'visibility', 'visibility', ['public', 'private', 'unlisted']),
  // hospitality
  entity('hospitality', 'restaurant_name', 'restaurant', 'restaurant'),
  count('hospitality', 'party_count', 'party size', 1, 20),
  choice('hospitality', 'seating_area', 'seating area', ['indoor', 'outdoor', 'bar', 'terrace']),
  text('hospitality', 'special_request', 'special request', ['a high chair', 'a quiet corner', 'a birthday cake', 'a table by the window', 'step-free access']),
  count('hospitality', 'room_number', 'room number', 100, 999),
  choice('hospitality', 'treatment', 'treatment', ['massage', 'facial', 'manicure', 'sauna']),
  count('hospitality', 'headcount', 'headcount', 10, 300),
  // utilities
  code('utilities', 'meter_id', 'meter ID', 'MTR-######', 'M########'),
  count('utilities', 'meter_value', 'meter value', 100, 99999),
  day('utilities', 'reading_date', 'reading date'),
  choice('utilities', 'tariff', 'tariff', ['fixed', 'variable', 'green', 'economy_7']),
  code('utilities', 'customer_number', 'customer number', 'CUS-######', '##########'),
  entity('utilities', 'supply_street', 'supply street', 'street'),
  flag('utilities', 'paperless_billing', 'paperless billing'),
];

/** People a field can be about: with a kind, `manager` makes `manager_name`, `manager_phone`, `manager_city`. */
const ROLES = [
  'manager', 'customer', 'employee', 'candidate', 'guest', 'owner', 'tenant', 'patient', 'driver', 'supplier',
  'vendor', 'contractor', 'student', 'teacher', 'parent', 'member', 'volunteer', 'coach', 'reviewer', 'author',
  'sender', 'buyer', 'seller', 'landlord', 'agent', 'host', 'speaker', 'organiser', 'applicant', 'sponsor',
  'partner', 'client', 'courier', 'pilot', 'nurse', 'technician', 'instructor', 'witness', 'inspector', 'auditor',
];
/** Places a field can be about: `warehouse_city`, `branch_phone`. */
const PLACES = [
  'clinic', 'office', 'warehouse', 'branch', 'hotel', 'school', 'depot', 'studio', 'store', 'site', 'campus',
  'station', 'gym', 'library', 'lab', 'garage', 'salon', 'pharmacy', 'bakery', 'factory',
];

/**
 * Field names made from parts (a role or a place, and what of it: name, email, phone, city, ID or street), for
 * `--composed-fields`: hundreds more names than the hand-written list, so that a model learns to tie a name it has
 * never seen ("manager_email") to the words that state it ("the manager's email is ..."), the skill held-out tools
 * test. Every hand-written name is left out, so none of them, and no held-out one, is ever composed.
 */
export function composedFields(): ProceduralField[] {
  const handWritten = new Set(PROCEDURAL_FIELDS.map((field) => field.name));
  const idPattern = (part: string) => `${part.slice(0, 3).toUpperCase()}-#####`;
  const fields = [
    ...ROLES.flatMap((role) => [
      entity('general', `${role}_name`, `${role} name`, 'person'),
      entity('general', `${role}_email`, `${role} email`, 'email'),
      code('general', `${role}_phone`, `${role} phone number`, ...PHONE_PATTERNS),
      entity('general', `${role}_city`, `${role} city`, 'city'),
      code('general', `${role}_id`, `${role} ID`, idPattern(role)),
    ]),
    ...PLACES.flatMap((place) => [
      entity('general', `${place}_city`, `${place} city`, 'city'),
      entity('general', `${place}_street`, `${place} street`, 'street'),
      code('general', `${place}_phone`, `${place} phone number`, ...PHONE_PATTERNS),
      code('general', `${place}_code`, `${place} code`, idPattern(place)),
    ]),
  ];
  return fields.filter((field) => !handWritten.has(field.name));
}
