// TMF validFor ⇄ the catalog's half-open windows: create bodies, RFC 7386 merge-patches and retirement.
import type { catalog } from '@bss/contracts';
import type { Window } from './price-selection.ts';

const instant = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);

/** The window of a create body's validFor (omitted bounds open). */
export function windowFromPeriod(period: { startDateTime?: string | undefined; endDateTime?: string | undefined } | undefined): Window {
  return { validFrom: instant(period?.startDateTime), validTo: instant(period?.endDateTime) };
}

/** Merge-patch of a window: validFor null opens both bounds; inside it, omitted = unchanged, null = open. */
export function patchWindow(before: Window, patch: catalog.PeriodPatch | undefined): Window {
  if (patch === undefined) return { validFrom: before.validFrom, validTo: before.validTo };
  if (patch === null) return { validFrom: null, validTo: null };
  return {
    validFrom: patch.startDateTime === undefined ? before.validFrom : instant(patch.startDateTime),
    validTo: patch.endDateTime === undefined ? before.validTo : instant(patch.endDateTime),
  };
}

/** True when the window's end is at or before `now`: nothing inside it can be sold any more. */
export function hasEnded(window: Window, now: Date): boolean {
  return window.validTo !== null && window.validTo.getTime() <= now.getTime();
}

/**
 * The end a retirement at `now` gives the window: now, or the existing end if it is already earlier; a window
 * that has not started yet closes at its own start (an empty window) rather than end before it begins.
 */
export function retirementEnd(window: Window, now: Date): Date {
  let validTo = window.validTo === null || window.validTo > now ? now : window.validTo;
  if (window.validFrom !== null && window.validFrom > validTo) validTo = window.validFrom;
  return validTo;
}
