import { describe, expect, it } from 'vitest';
import { argumentLabels } from './argument-labels.js';
import { statedBoolean } from './stated-booleans.js';

describe('statedBoolean', () => {
  const twoFactor = argumentLabels('two_factor', 'Two-factor authentication');

  it('reads no where the conversation names the argument with a no', () => {
    expect(statedBoolean('Fetch my backup without two-factor authentication.', twoFactor)).toBe('false');
    expect(statedBoolean('Open our backup with these details: two-factor authentication: no', twoFactor)).toBe('false');
    expect(statedBoolean("I don't want two-factor authentication. Please modify it.", twoFactor)).toBe('false');
    expect(statedBoolean('Quick request: adjust the tenant (SMS notifications: no).', argumentLabels('notify_by_sms', 'SMS notifications'))).toBe('false');
  });

  it('reads yes where it names it with a yes, and what follows the name decides', () => {
    expect(statedBoolean('Renew the user account including two-factor authentication.', twoFactor)).toBe('true');
    expect(statedBoolean('pets allowed: yes, repair description: "faulty doorbell"', argumentLabels('pets_allowed', 'Pets allowed'))).toBe('true');
    const shuffle = argumentLabels('shuffle', 'Shuffle playback; only when the user asks');
    expect(shuffle).toEqual(['Shuffle playback', 'shuffle']);
    expect(statedBoolean('play The Sonic Gardeners with shuffle off', shuffle)).toBe('false');
    expect(statedBoolean('Could you put on Kite Riders Club not shuffled?', shuffle)).toBe('false');
    expect(statedBoolean('play Thunder Trip, with shuffle', shuffle)).toBe('true');
  });

  it('says nothing when the argument is not named, named without a yes or no, or named both ways', () => {
    expect(statedBoolean('Look up the domain for Rahul Koch.', twoFactor)).toBeUndefined();
    expect(statedBoolean('What is two-factor authentication?', twoFactor)).toBeUndefined();
    expect(statedBoolean('two-factor authentication: yes for the VPN, two-factor authentication: no for mail', twoFactor)).toBeUndefined();
  });
});
