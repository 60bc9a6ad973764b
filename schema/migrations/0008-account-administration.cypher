// Ending every session of an account when an administrator switches it off.
CREATE INDEX session_account IF NOT EXISTS FOR (n:Session) ON (n.accountId);
