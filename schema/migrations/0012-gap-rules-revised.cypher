// The gap rules changed (gaps end when their situation does; a missed term carries its due day, dueOn): every
// household's findings are due again, so the next gap sweep re-evaluates them all, resolves the gaps that no longer
// apply and stores dueOn on those that still do. Derived data only: no fact changes.
MATCH (h:Household) WHERE h.gapReviewOn IS NOT NULL REMOVE h.gapReviewOn RETURN count(h) AS n;
