// Lookups the API makes by value: households per region, events per kind and date, open referrals.
CREATE INDEX household_region IF NOT EXISTS FOR (n:Household) ON (n.centrumgemeenteId);
CREATE INDEX household_reference IF NOT EXISTS FOR (n:Household) ON (n.reference);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX event_occurred_on IF NOT EXISTS FOR (n:Event) ON (n.occurredOn);
CREATE INDEX referral_status IF NOT EXISTS FOR (n:Referral) ON (n.status);
CREATE INDEX agency_region IF NOT EXISTS FOR (n:Agency) ON (n.centrumgemeenteId);
CREATE INDEX agency_search_key IF NOT EXISTS FOR (n:Agency) ON (n.searchKey);
CREATE INDEX facility_search_key IF NOT EXISTS FOR (n:Facility) ON (n.searchKey);
