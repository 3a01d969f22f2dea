// Normalisation of create bodies: TMF name splitting, characteristic-borne names, medium aliases and primaries.
import { ValidationFailed } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { normalizeCustomerCreate } from './customer.mapper.ts';

describe('normalizeCustomerCreate', () => {
  it('splits the TMF name at its last space', () => {
    const n = normalizeCustomerCreate({ name: 'Mary Ann Evans', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'm@e.org' } }] });
    expect(n).toMatchObject({ givenName: 'Mary Ann', familyName: 'Evans', status: 'active', dateOfBirth: null });
  });

  it('prefers characteristic names over the name, and a single word is a given name', () => {
    expect(normalizeCustomerCreate({ name: 'X Y', characteristic: [{ name: 'givenName', value: 'Given' }, { name: 'familyName', value: 'Family' }] })).toMatchObject({
      givenName: 'Given',
      familyName: 'Family',
    });
    expect(normalizeCustomerCreate({ name: 'Cher' })).toMatchObject({ givenName: 'Cher', familyName: '' });
  });

  it('maps medium aliases and keeps one primary per type', () => {
    const n = normalizeCustomerCreate({
      givenName: 'A',
      contactMedium: [
        { mediumType: 'mobile', value: '+6591111111' },
        { mediumType: 'telephone', value: '+6592222222', preferred: true },
        { mediumType: 'postalAddress', characteristic: { street1: '1 Main St', city: 'Singapore' } },
      ],
    });
    expect(n.mediums).toEqual([
      { mediumType: 'phone', value: '+6591111111', isPrimary: false },
      { mediumType: 'phone', value: '+6592222222', isPrimary: true },
      { mediumType: 'postal', value: '1 Main St, Singapore', isPrimary: true },
    ]);
  });

  it('refuses a body without any name with a 400 reason', () => {
    expect(() => normalizeCustomerCreate({ email: 'a@b.co' })).toThrow(ValidationFailed);
  });
});
