// A 404 that carries a documented rule id as its reason (e.g. `case.not_found`, `customer.contact.medium_not_found`).
// Missing path entities are always 404 (STYLE §6); the rule id lets clients keep branching on the py17 names.
import { DomainError } from '@bss/policy';

/** The addressed entity does not exist; `reason` is the rule id. */
export class MissingEntity extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  override readonly name = 'MissingEntity';
}
