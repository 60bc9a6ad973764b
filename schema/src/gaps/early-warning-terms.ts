// The terms of a city's early-warning arrangement that the gap rules read (docs/domain.md §4).

/** What a city's early-warning arrangement says the rules need: from how many months' arrears a signal is reported, and to whom. */
export interface EarlyWarningTerms {
  /** Signals below this are not the arrangement's: its deadlines do not start (002 L729-731: Vroeg Eropaf at two months). */
  reportAfterMonthsArrears: number | null;
  /** The agencies a signal is reported to: they owe the interim and final report, not the corporation that signalled. */
  reportedToAgencyIds: string[];
}
