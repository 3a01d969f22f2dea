// The data the reads run against, created through the CRM's own API (so rows are exactly what the service
// writes): customers with an email and a mobile each. Inventory and catalog reads use the migration seeds.
import { randomBytes } from 'node:crypto';

export interface Seeded {
  /** A customer in the middle of the seeded set. */
  customerId: string;
  /** An order that completed, its active subscription and its line (set once the order flow ran). */
  orderId?: string;
  subscriptionId?: string;
  msisdn?: string;
}

export async function seed(crmUrl: string, token: string, customers = 200): Promise<Seeded> {
  const ids: string[] = [];
  // Live emails are unique: a run against a database kept from an earlier one must not collide with it.
  const run = randomBytes(3).toString('hex');
  for (let i = 0; i < customers; i++) {
    const res = await fetch(`${crmUrl}/tmf-api/customerManagement/v4/customer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bss-api-token': token },
      body: JSON.stringify({
        name: `Bench Customer${i}`,
        contactMedium: [
          { mediumType: 'email', preferred: true, characteristic: { emailAddress: `bench${i}.${run}@example.com` } },
          { mediumType: 'mobile', characteristic: { phoneNumber: `+659${String(i).padStart(7, '0')}` } },
        ],
      }),
    });
    if (res.status !== 201) throw new Error(`seeding customer ${i}: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return { customerId: ids[Math.floor(ids.length / 2)]! };
}
