// The coordinator's worklist reads the gap findings of the days its page covers, not every open finding of the
// region (issue #21): each finding carries its region and due day as one value, `worklistDay` =
// "<centrumgemeenteId>|<dueOn, or the day it was detected when it has no term>", written by createGapFindings in
// the statement that creates the finding (README "Indexes and the statements that need them"). An equality index,
// looked up with IN: Grafeo 0.6 serves `IN $list` from it, and a range predicate on any index reads the whole label.
// Grafeo keeps one index per property name, over every label that has it, so the value lives under a name only
// findings carry. Neo4j 5 plans a NodeIndexSeek on the same range index.
CREATE INDEX gap_finding_worklist_day IF NOT EXISTS FOR (n:GapFinding) ON (n.worklistDay);
// Findings written before: the same value from their stored properties. Derived data only: no fact changes.
MATCH (g:GapFinding) WHERE g.worklistDay IS NULL
SET g.worklistDay = g.centrumgemeenteId + '|' + coalesce(g.dueOn, toString(g.detectedOn))
RETURN count(g) AS n;
