// Calendar days as ISO dates ("2024-03-01"): the service's "today" and the day arithmetic every layer shares.

/** The service runs for Dutch centrumgemeenten: its day turns at midnight in Amsterdam, not at midnight UTC. */
export const SERVICE_TIME_ZONE = 'Europe/Amsterdam';

const serviceDay = new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of an instant in the service's time zone: "today" is dayOf(now()). */
export function dayOf(instant: Date): string {
  const parts = Object.fromEntries(serviceDay.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Calendar days between two ISO dates; Cypher's duration.between is outside the common dialect. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  // Arithmetic on the calendar, at UTC midnight: no time zone (or daylight saving) can shift the day.
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
