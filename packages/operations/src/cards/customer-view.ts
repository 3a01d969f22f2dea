// Reads the fields a card shows out of a TMF629 Customer (names, KYC and "since" travel as characteristics).
import type { crm } from '@bss/contracts';

const characteristic = (c: crm.Customer, name: string): string | undefined => {
  const v = c.characteristic.find((ch) => ch.name === name)?.value;
  return v === undefined || v === null ? undefined : String(v);
};

/** Given + family name, else the TMF `name`. */
export const displayName = (c: crm.Customer) => [characteristic(c, 'givenName'), characteristic(c, 'familyName')].filter(Boolean).join(' ') || c.name;

export const kycStatusOf = (c: crm.Customer) => characteristic(c, 'kycStatus') ?? 'not_verified';

export const customerSince = (c: crm.Customer) => characteristic(c, 'customerSince') ?? c.validFor?.startDateTime;

/** The preferred (else first) email and phone. */
export function contactOf(c: crm.Customer): { email?: string; phone?: string } {
  const pick = (type: string, key: 'emailAddress' | 'phoneNumber') => {
    const media = c.contactMedium.filter((m) => m.mediumType === type && m.characteristic[key]);
    return (media.find((m) => m.preferred) ?? media[0])?.characteristic[key];
  };
  const email = pick('email', 'emailAddress');
  const phone = pick('phone', 'phoneNumber') ?? pick('mobile', 'phoneNumber');
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
