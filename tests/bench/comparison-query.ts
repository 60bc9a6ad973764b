// The city comparison the bench times (run.ts, step 5) and comparison-profile.ts takes apart: four cities, one year
// up to `to`, as a policy maker's home page asks it.
export const cityComparisonQuery = (to: string) =>
  `query { cityComparison(centrumgemeenteIds: ["amsterdam", "utrecht", "leeuwarden", "oss"], from: "2025-07-01", to: "${to}") {
    differences { aspect } cities { measures { measure households { value } } refusalsByReason { reason households { value } } medianWaitingDays } suppressedCells { measure } } }`;
