// Shelter records (capacity, occupancy, waiting list, refusals): by id, by natural key for versions, by facility.
CREATE CONSTRAINT shelter_record_id IF NOT EXISTS FOR (n:ShelterRecord) REQUIRE n.id IS UNIQUE;
CREATE INDEX shelter_record_id_lookup IF NOT EXISTS FOR (n:ShelterRecord) ON (n.id);
CREATE INDEX shelter_record_key IF NOT EXISTS FOR (n:ShelterRecord) ON (n.key);
CREATE INDEX shelter_record_facility IF NOT EXISTS FOR (n:ShelterRecord) ON (n.facilityId);
CREATE INDEX shelter_import_id IF NOT EXISTS FOR (n:ShelterImport) ON (n.id);
