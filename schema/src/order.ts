// The order in which a household's events happened, the same wherever events are listed or compared.
import type { EventRecord } from './records/event.js';

/** Events in the order they happened: by day, then by when they were recorded, then by id (recorded in one millisecond). */
export function inOrderOfOccurrence(
  a: Pick<EventRecord, 'occurredOn' | 'recordedAt' | 'id'>,
  b: Pick<EventRecord, 'occurredOn' | 'recordedAt' | 'id'>,
): number {
  return a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id);
}
