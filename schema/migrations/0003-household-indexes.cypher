// Lookups on the household side: memberships by date, referrals by agency, open regie, events per household.
CREATE INDEX event_household IF NOT EXISTS FOR (n:Event) ON (n.householdId);
CREATE INDEX referral_household IF NOT EXISTS FOR (n:Referral) ON (n.householdId);
CREATE INDEX referral_to_agency IF NOT EXISTS FOR (n:Referral) ON (n.toAgencyId);
CREATE INDEX referral_from_agency IF NOT EXISTS FOR (n:Referral) ON (n.fromAgencyId);
CREATE INDEX regie_household IF NOT EXISTS FOR (n:RegieAssignment) ON (n.householdId);
CREATE INDEX regie_agency IF NOT EXISTS FOR (n:RegieAssignment) ON (n.agencyId);
