// The working day: requests for access to a household (to the region's coordinator) and notices of involvement
// (another agency works with the same household), looked up by id, region and agency.
CREATE CONSTRAINT access_request_id IF NOT EXISTS FOR (n:AccessRequest) REQUIRE n.id IS UNIQUE;
CREATE INDEX access_request_id_lookup IF NOT EXISTS FOR (n:AccessRequest) ON (n.id);
CREATE INDEX access_request_region IF NOT EXISTS FOR (n:AccessRequest) ON (n.centrumgemeenteId);
CREATE INDEX access_request_account IF NOT EXISTS FOR (n:AccessRequest) ON (n.accountId);
CREATE CONSTRAINT involvement_notice_id IF NOT EXISTS FOR (n:InvolvementNotice) REQUIRE n.id IS UNIQUE;
CREATE INDEX involvement_notice_id_lookup IF NOT EXISTS FOR (n:InvolvementNotice) ON (n.id);
CREATE INDEX involvement_notice_agency IF NOT EXISTS FOR (n:InvolvementNotice) ON (n.agencyId);
