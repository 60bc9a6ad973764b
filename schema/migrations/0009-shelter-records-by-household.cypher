// Shelter refusals linked to a household feed its gap rules.
CREATE INDEX shelter_record_household IF NOT EXISTS FOR (n:ShelterRecord) ON (n.householdId);
