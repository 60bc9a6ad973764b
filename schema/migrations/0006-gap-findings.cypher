// Gap rule settings per city and the derived findings, looked up by household, region and rule.
CREATE CONSTRAINT gap_rule_setting_id IF NOT EXISTS FOR (n:GapRuleSetting) REQUIRE n.id IS UNIQUE;
CREATE INDEX gap_rule_setting_id_lookup IF NOT EXISTS FOR (n:GapRuleSetting) ON (n.id);
CREATE INDEX gap_rule_setting_city IF NOT EXISTS FOR (n:GapRuleSetting) ON (n.cityId);
CREATE INDEX gap_finding_household IF NOT EXISTS FOR (n:GapFinding) ON (n.householdId);
CREATE INDEX gap_finding_region IF NOT EXISTS FOR (n:GapFinding) ON (n.centrumgemeenteId);
CREATE INDEX gap_finding_rule IF NOT EXISTS FOR (n:GapFinding) ON (n.ruleId);
