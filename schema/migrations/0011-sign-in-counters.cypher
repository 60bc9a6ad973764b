// Sign-in attempt counters shared by every API instance (api/src/access/sign-in-throttle.ts): one node per key,
// unique so that MERGE never makes two, and looked up by expiry for the retention job.
CREATE CONSTRAINT sign_in_counter_key IF NOT EXISTS FOR (n:SignInCounter) REQUIRE n.key IS UNIQUE;
CREATE INDEX sign_in_counter_key_lookup IF NOT EXISTS FOR (n:SignInCounter) ON (n.key);
CREATE INDEX sign_in_counter_expiry IF NOT EXISTS FOR (n:SignInCounter) ON (n.expiresAtMs);
