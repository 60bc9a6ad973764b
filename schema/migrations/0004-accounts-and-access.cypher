// Accounts, sessions, consent and the access log.
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT session_token IF NOT EXISTS FOR (n:Session) REQUIRE n.tokenHash IS UNIQUE;
CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (n:Consent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT legal_ground_id IF NOT EXISTS FOR (n:LegalGround) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT break_glass_id IF NOT EXISTS FOR (n:BreakGlassGrant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT access_log_id IF NOT EXISTS FOR (n:AccessLogEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX consent_household IF NOT EXISTS FOR (n:Consent) ON (n.householdId);
CREATE INDEX legal_ground_household IF NOT EXISTS FOR (n:LegalGround) ON (n.householdId);
CREATE INDEX break_glass_household IF NOT EXISTS FOR (n:BreakGlassGrant) ON (n.householdId);
CREATE INDEX access_log_household IF NOT EXISTS FOR (n:AccessLogEntry) ON (n.householdId);
CREATE INDEX access_log_at IF NOT EXISTS FOR (n:AccessLogEntry) ON (n.at);
CREATE INDEX event_facility IF NOT EXISTS FOR (n:Event) ON (n.facilityId);
