import type { Random } from '../random.js';
import type { EntityPool } from './entity-pools.js';

export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly fullName: string;
  readonly email: string;
}

/** "José" → "jose", "Ji-woo" → "ji-woo": what people put in the local part of their address. */
function mailName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/** An address built from the person's own name, so it reads as theirs. */
export function emailAddress(random: Random, firstName: string, lastName: string, domain: string): string {
  const first = mailName(firstName);
  const last = mailName(lastName);
  const local = random.pick([
    `${first}.${last}`,
    `${first}.${last}`,
    `${first}${last}`,
    `${first[0] ?? ''}${last}`,
    `${first[0] ?? ''}.${last}`,
    `${first}_${last}`,
    `${first}${random.integer(1, 99)}`,
    `${last}.${first}`,
    first,
  ]);
  return `${local}@${domain}`;
}

export function drawPerson(random: Random, pool: EntityPool): Person {
  const firstName = random.pick(pool.firstNames);
  const lastName = random.pick(pool.lastNames);
  return { firstName, lastName, fullName: `${firstName} ${lastName}`, email: emailAddress(random, firstName, lastName, random.pick(pool.emailDomains)) };
}

/** The held-out-able strings a person contributes to an example's provenance. */
export function personEntities(person: Person, withEmail: boolean): string[] {
  return withEmail ? [person.firstName, person.lastName, person.email] : [person.firstName, person.lastName];
}
