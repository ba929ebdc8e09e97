/** True when the `YYYY-MM-DD` at the start of a string exists (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Every `YYYY-MM` from `from` to `to`, both included (empty when `to` comes first). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to;) {
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** Days since the epoch of a `YYYY-MM-DD HH:MM:SS` timestamp. */
export function dayOf(timestamp: string): number {
  return Math.floor(Date.parse(`${timestamp.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
