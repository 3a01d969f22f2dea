// The operator gate on catalog writes. It reads the raw X-BSS-Actor header: the request context defaults a
// missing actor to `system`, which must not count as an operator here.
import { requirePolicy } from '@bss/policy';

/**
 * `catalog.admin_only`: the write needs a named actor. Missing, blank or `anonymous` is refused, and so is a
 * header the request context rejected as malformed (then the audit trail would show `system`, not the caller).
 */
export function checkAdminActor(rawHeader: string | string[] | undefined, contextActor: string): void {
  const raw = typeof rawHeader === 'string' ? rawHeader : undefined;
  const actor = raw?.trim() ?? '';
  requirePolicy(
    actor !== '' && actor.toLowerCase() !== 'anonymous' && raw === contextActor,
    'catalog.admin_only',
    'catalog writes need an operator identity in X-BSS-Actor',
    { actor: actor === '' ? null : actor },
  );
}
