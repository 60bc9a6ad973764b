// Grafeo 0.6 keeps one index per property name, across labels: an index declared for one label serves (and holds)
// every node with that property, and dropping it drops the property's index for all. So migration 0013, in dropping
// event_household, event_facility and regie_agency, also took away what access_log_household,
// legal_ground_household, break_glass_household, shelter_record_household, shelter_record_facility and
// involvement_notice_agency gave, and the matches on those properties read every node of their label (README,
// "Indexes and the statements that need them"). Those reads now go over edges instead: LOGGED_ABOUT from a log entry
// to its household, NOTICE_ABOUT and NOTICE_TO from a notice to its household and agency (new here, written with
// each entry and notice from now on), and the edges shelter records, grounds and grants already had. Neo4j expands
// the same edges from the id constraints.
//
// The edges of what was written before. Idempotent (MERGE); on Neo4j with a large log, run the first statement in
// batches (CALL { ... } IN TRANSACTIONS) before starting the API.
MATCH (l:AccessLogEntry) WHERE l.householdId IS NOT NULL
MATCH (h:Household {id: l.householdId})
MERGE (l)-[:LOGGED_ABOUT]->(h)
RETURN count(*) AS n;
MATCH (n:InvolvementNotice)
MATCH (h:Household {id: n.householdId})
MERGE (n)-[:NOTICE_ABOUT]->(h)
RETURN count(*) AS n;
MATCH (n:InvolvementNotice)
MATCH (a:Agency {id: n.agencyId})
MERGE (n)-[:NOTICE_TO]->(a)
RETURN count(*) AS n;
// Indexes no statement needs now (on Grafeo already without effect).
DROP INDEX access_log_household IF EXISTS;
DROP INDEX legal_ground_household IF EXISTS;
DROP INDEX break_glass_household IF EXISTS;
DROP INDEX shelter_record_household IF EXISTS;
DROP INDEX shelter_record_facility IF EXISTS;
DROP INDEX involvement_notice_agency IF EXISTS;
