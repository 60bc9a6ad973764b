// Indexes no statement's plan needs (README "Indexes and the statements that need them"), measured with PROFILE on
// Grafeo: each costs memory per node it covers (events and referrals are most of the store). The id constraints and
// their *_id_lookup twins stay: Grafeo 0.6 checks a constraint and finds a node by id only through the twin
// (tests/bench/id-lookup.ts: without it a MATCH by id scans the label, and 200,000 creates do not finish in minutes).
//
// Events, referrals, regie, consents and findings are reached over their household's edges (HAD, REFERRAL_FOR,
// REGIE_OVER, CONSENT_FOR, GAP_OF) from the household found by its id: Neo4j plans the same NodeUniqueIndexSeek on
// Household.id followed by an Expand, so it needs none of these either.
DROP INDEX event_household IF EXISTS;
DROP INDEX referral_household IF EXISTS;
DROP INDEX regie_household IF EXISTS;
DROP INDEX consent_household IF EXISTS;
DROP INDEX gap_finding_household IF EXISTS;
// Every statement filtering events by kind, day or facility starts from a household (by region or id) or from a
// facility and filters the events it expands to; Neo4j, given no index on them, plans the same expand-and-filter.
DROP INDEX event_kind IF EXISTS;
DROP INDEX event_occurred_on IF EXISTS;
DROP INDEX event_facility IF EXISTS;
// Referrals by agency and regie by agency: the plans start at Referral.status (referral_status stays) and scan the
// open regie assignments; Neo4j would pick the status index too, and could use a range index on toAgencyId where
// an agency's open referrals outnumber the open referrals of a status, which a year's data does not show.
DROP INDEX referral_to_agency IF EXISTS;
DROP INDEX referral_from_agency IF EXISTS;
DROP INDEX regie_agency IF EXISTS;
// Findings by rule: every plan starts at the region (gap_finding_region stays) and filters the rule.
DROP INDEX gap_finding_rule IF EXISTS;
// Households are searched by referenceKey (STARTS WITH, CONTAINS), never by reference; agencies and facilities by
// searchKey CONTAINS, which a range index does not serve on either engine (Neo4j would need a TEXT index).
DROP INDEX household_reference IF EXISTS;
DROP INDEX agency_search_key IF EXISTS;
DROP INDEX facility_search_key IF EXISTS;
