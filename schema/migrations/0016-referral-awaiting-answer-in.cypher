// The coordinator's worklist reads the referrals awaiting an answer in its region, not every household of the region
// with its referrals (issue #21): a referral carries `awaitingAnswerIn` = its household's centrumgemeenteId while its
// status is SENT, and none otherwise, written in the statement that writes the status (writeReferrals,
// moveReferral). The index holds only open referrals, under a name no other label carries (Grafeo 0.6 keeps one
// index per property name over every label). Neo4j 5 plans a NodeIndexSeek on it.
CREATE INDEX referral_awaiting_answer_in IF NOT EXISTS FOR (n:Referral) ON (n.awaitingAnswerIn);
// Referrals written before: the region of their household. Derived data only: no fact changes.
MATCH (r:Referral)-[:REFERRAL_FOR]->(h:Household) WHERE r.status = 'SENT' AND r.awaitingAnswerIn IS NULL
SET r.awaitingAnswerIn = h.centrumgemeenteId
RETURN count(r) AS n;
