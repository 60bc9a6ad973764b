// Calendar days as ISO dates ("2024-03-01") in the web app: the service's today and the day arithmetic pages need.
// The same rules as the API's day helpers (the web imports no workspace package): a day turns at midnight in
// Amsterdam, not at midnight UTC, so that "today" in a form is the day the worker is living.

/** The service runs for Dutch centrumgemeenten; its days are days in this time zone. */
export const SERVICE_TIME_ZONE = 'Europe/Amsterdam';

const serviceDay = new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in the service's time zone. */
export function dayOf(instant: Date): string {
  const parts = Object.fromEntries(serviceDay.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today in the service's time zone. */
export const today = (): string => dayOf(new Date());

// Arithmetic on the calendar at UTC midnight: no time zone or daylight saving can shift a day.
const midnightOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayAt = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Calendar days from one day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return dayAt(midnightOf(day) + days * 86_400_000);
}

/** The same day of the month `months` later (or earlier); a day the month lacks runs on into the next month. */
export function addMonths(day: string, months: number): string {
  const date = new Date(midnightOf(day));
  return dayAt(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** The first day of the month of `day`. */
export const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;
