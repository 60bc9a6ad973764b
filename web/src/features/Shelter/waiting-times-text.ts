// Waiting-list times in sentences that still read as sentences when a figure is not known: the sentence then says
// why (nobody left the list yet, too few families to show), never "onbekend" in the place of a number of days.
import type { TFunction } from 'i18next';

interface CountCell {
  value: number | null;
  suppressed?: boolean;
}

export interface WaitingTimesFigures {
  waiting: CountCell;
  left: CountCell;
  medianDaysToLeave: number | null;
  /** Said only where the page asks for it (the region's figures). */
  p90DaysToLeave?: number | null;
  medianDaysWaiting: number | null;
  /** Said only where the page asks for it (the shelter's own list). */
  longestDaysWaiting?: number | null;
}

/** Why a figure over a group is missing: the group is empty, too small to show, or the figure is not known. */
function missing(group: CountCell): 'none' | 'hidden' | 'unknown' {
  if (group.suppressed) return 'hidden';
  return group.value === 0 ? 'none' : 'unknown';
}

export function waitingTimesText(t: TFunction, times: WaitingTimesFigures): string {
  const days = (count: number) => t('shelter.days', { count });
  const toLeave =
    times.medianDaysToLeave === null
      ? t(`waitingTimes.toLeave.${missing(times.left)}`)
      : typeof times.p90DaysToLeave === 'number'
        ? t('waitingTimes.toLeave.withP90', { days: days(times.medianDaysToLeave), p90: days(times.p90DaysToLeave) })
        : t('waitingTimes.toLeave.known', { days: days(times.medianDaysToLeave) });
  // Nobody waiting is said by the count beside these sentences; no sentence about their waiting then.
  const soFar =
    times.medianDaysWaiting === null
      ? missing(times.waiting) === 'none'
        ? null
        : t(`waitingTimes.soFar.${missing(times.waiting)}`)
      : typeof times.longestDaysWaiting === 'number'
        ? t('waitingTimes.soFar.withLongest', { days: days(times.medianDaysWaiting), longest: days(times.longestDaysWaiting) })
        : t('waitingTimes.soFar.known', { days: days(times.medianDaysWaiting) });
  return [toLeave, soFar].filter(Boolean).join(' ');
}
