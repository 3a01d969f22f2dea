// A profile that returns to the pool is offered again only with a new SM-DP+ matching id, so the activation
// code (LPA:1$<smdp>$<matchingId>) a previous holder saw can never download it again. The reference recycled
// profiles with their old code. 16 hex characters, as the seed draws them; 64 random bits (the column is
// unique, a clash would be refused rather than reused).
import { randomBytes } from 'node:crypto';

export function freshMatchingId(): string {
  return randomBytes(8).toString('hex');
}
