// The billing period: one calendar month from the activation instant (UTC), clamped to the month's last day
// (31 Jan → 28/29 Feb), as the catalog's prices are monthly. Pure: the start comes from the injected clock.

/** The end of the month-long period starting at `start`. */
export function monthlyPeriodEnd(start: Date): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = new Date(start.getTime());
  end.setUTCDate(1);
  end.setUTCMonth(m);
  end.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return end;
}
