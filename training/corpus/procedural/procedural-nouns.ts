import type { ActionKind } from './procedural-verbs.js';

/** The area a noun belongs to: its tools draw fields from the same area (and from `general`). */
export type Domain =
  | 'commerce' | 'travel' | 'logistics' | 'health' | 'office' | 'finance' | 'home' | 'education' | 'events'
  | 'support' | 'vehicles' | 'property' | 'people' | 'it' | 'fitness' | 'pets' | 'media' | 'hospitality' | 'utilities';

export interface ProceduralNoun {
  /** The noun part of the tool's name: `parking_spot` in `reserve_parking_spot`. */
  readonly name: string;
  readonly phrase: string;
  readonly domain: Domain;
  readonly actions: readonly ActionKind[];
}

const RECORD: readonly ActionKind[] = ['read', 'create', 'update', 'remove'];
const BOOKABLE: readonly ActionKind[] = ['read', 'reserve', 'update', 'remove'];
const PAYABLE: readonly ActionKind[] = ['read', 'pay', 'send'];
const SHIPPED: readonly ActionKind[] = ['read', 'track', 'update', 'remove'];
const DEVICE: readonly ActionKind[] = ['read', 'control', 'update'];
const MESSAGE: readonly ActionKind[] = ['read', 'create', 'send', 'remove'];

function nouns(domain: Domain, actions: readonly ActionKind[], entries: readonly (readonly [string, string])[]): ProceduralNoun[] {
  return entries.map(([name, phrase]) => ({ name, phrase, domain, actions }));
}

export const PROCEDURAL_NOUNS: readonly ProceduralNoun[] = [
  ...nouns('commerce', RECORD, [['order', 'order'], ['cart', 'shopping cart'], ['wishlist', 'wishlist'], ['product_review', 'product review'], ['return_request', 'return request'], ['gift_card', 'gift card'], ['coupon', 'coupon'], ['subscription_box', 'subscription box']]),
  ...nouns('commerce', PAYABLE, [['invoice', 'invoice'], ['purchase', 'purchase'], ['layaway_plan', 'layaway plan']]),
  ...nouns('travel', BOOKABLE, [['hotel_room', 'hotel room'], ['rental_car', 'rental car'], ['train_seat', 'train seat'], ['ferry_ticket', 'ferry ticket'], ['airport_transfer', 'airport transfer'], ['tour', 'guided tour'], ['campsite', 'campsite'], ['cabin', 'cabin'], ['lounge_pass', 'lounge pass']]),
  ...nouns('travel', RECORD, [['itinerary', 'itinerary'], ['travel_insurance', 'travel insurance policy'], ['visa_application', 'visa application'], ['loyalty_account', 'loyalty account']]),
  ...nouns('logistics', SHIPPED, [['package', 'package'], ['shipment', 'shipment'], ['parcel', 'parcel'], ['freight_load', 'freight load'], ['delivery', 'delivery'], ['courier_pickup', 'courier pickup'], ['pallet', 'pallet']]),
  ...nouns('health', BOOKABLE, [['appointment', 'appointment'], ['vaccination', 'vaccination slot'], ['blood_test', 'blood test'], ['therapy_session', 'therapy session'], ['dental_cleaning', 'dental cleaning']]),
  ...nouns('health', RECORD, [['prescription', 'prescription'], ['medical_record', 'medical record'], ['referral', 'referral'], ['lab_result', 'lab result'], ['symptom_log', 'symptom log']]),
  ...nouns('office', BOOKABLE, [['meeting_room', 'meeting room'], ['desk', 'hot desk'], ['projector', 'projector'], ['video_booth', 'video booth']]),
  ...nouns('office', RECORD, [['document', 'document'], ['memo', 'memo'], ['expense_report', 'expense report'], ['purchase_order', 'purchase order'], ['timesheet', 'timesheet'], ['contract', 'contract'], ['project', 'project'], ['task_board', 'task board']]),
  ...nouns('finance', PAYABLE, [['bill', 'bill'], ['loan_payment', 'loan payment'], ['tax_bill', 'tax bill'], ['utility_bill', 'utility bill'], ['credit_card_balance', 'credit card balance']]),
  ...nouns('finance', RECORD, [['bank_transfer', 'bank transfer'], ['budget', 'budget'], ['standing_order', 'standing order'], ['savings_goal', 'savings goal'], ['payee', 'payee'], ['expense', 'expense']]),
  ...nouns('home', DEVICE, [['thermostat', 'thermostat'], ['light', 'light'], ['sprinkler', 'sprinkler'], ['robot_vacuum', 'robot vacuum'], ['washing_machine', 'washing machine'], ['security_camera', 'security camera'], ['air_purifier', 'air purifier'], ['garage_door', 'garage door']]),
  ...nouns('home', RECORD, [['shopping_list', 'shopping list'], ['chore', 'chore'], ['maintenance_request', 'maintenance request'], ['recipe', 'recipe']]),
  ...nouns('education', RECORD, [['assignment', 'assignment'], ['enrollment', 'enrollment'], ['course_registration', 'course registration'], ['exam_booking', 'exam booking'], ['library_loan', 'library loan'], ['transcript_request', 'transcript request'], ['study_plan', 'study plan']]),
  ...nouns('events', BOOKABLE, [['concert_ticket', 'concert ticket'], ['event_ticket', 'event ticket'], ['workshop_seat', 'workshop seat'], ['venue', 'venue'], ['stand', 'exhibition stand']]),
  ...nouns('events', RECORD, [['guest_list', 'guest list'], ['rsvp', 'RSVP'], ['raffle_entry', 'raffle entry']]),
  ...nouns('support', RECORD, [['support_ticket', 'support ticket'], ['complaint', 'complaint'], ['bug_report', 'bug report'], ['feature_request', 'feature request'], ['warranty_claim', 'warranty claim'], ['callback', 'callback request']]),
  ...nouns('vehicles', BOOKABLE, [['car_service', 'car service'], ['parking', 'parking'], ['parking_spot', 'parking spot'], ['charging_station', 'charging station'], ['car_wash', 'car wash'], ['tyre_change', 'tyre change']]),
  ...nouns('vehicles', RECORD, [['vehicle', 'vehicle'], ['fuel_log', 'fuel log'], ['parking_permit', 'parking permit']]),
  ...nouns('property', RECORD, [['listing', 'property listing'], ['lease', 'lease'], ['viewing', 'viewing'], ['repair_job', 'repair job'], ['tenant', 'tenant'], ['inspection', 'inspection']]),
  ...nouns('people', RECORD, [['employee', 'employee'], ['leave_request', 'leave request'], ['job_application', 'job application'], ['interview', 'interview'], ['contact', 'contact'], ['performance_review', 'performance review'], ['shift', 'shift']]),
  ...nouns('it', RECORD, [['user_account', 'user account'], ['server', 'server'], ['backup', 'backup'], ['access_request', 'access request'], ['domain', 'domain'], ['api_key', 'API key'], ['vpn_profile', 'VPN profile'], ['incident', 'incident']]),
  ...nouns('it', DEVICE, [['virtual_machine', 'virtual machine'], ['deployment', 'deployment'], ['build', 'build']]),
  ...nouns('fitness', BOOKABLE, [['fitness_class', 'fitness class'], ['personal_training', 'personal training session'], ['tennis_court', 'tennis court'], ['swim_lane', 'swim lane']]),
  ...nouns('fitness', RECORD, [['workout', 'workout'], ['meal_log', 'meal log'], ['step_goal', 'step goal'], ['running_route', 'running route']]),
  ...nouns('pets', BOOKABLE, [['vet_visit', 'vet visit'], ['grooming', 'grooming appointment'], ['dog_walk', 'dog walk'], ['pet_sitter', 'pet sitter']]),
  ...nouns('pets', RECORD, [['pet_profile', 'pet profile'], ['vaccination_record', 'vaccination record']]),
  ...nouns('media', RECORD, [['playlist', 'playlist'], ['podcast_episode', 'podcast episode'], ['photo_album', 'photo album'], ['watchlist', 'watchlist'], ['blog_post', 'blog post'], ['newsletter', 'newsletter']]),
  ...nouns('media', MESSAGE, [['message', 'message'], ['announcement', 'announcement'], ['sms', 'text message'], ['reminder_email', 'reminder email']]),
  ...nouns('hospitality', BOOKABLE, [['restaurant_table', 'restaurant table'], ['banquet_hall', 'banquet hall'], ['catering', 'catering order'], ['room_service', 'room service order'], ['spa_treatment', 'spa treatment']]),
  ...nouns('utilities', PAYABLE, [['water_bill', 'water bill'], ['gas_bill', 'gas bill']]),
  ...nouns('utilities', RECORD, [['meter_reading', 'meter reading'], ['outage_report', 'outage report'], ['service_connection', 'service connection'], ['tariff_plan', 'tariff plan']]),
];
