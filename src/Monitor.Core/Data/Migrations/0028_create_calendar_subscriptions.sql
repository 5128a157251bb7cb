-- A personal calendar subscription (issue #16): calendar apps cannot send the login cookie, so each account may have
-- one secret feed address. Only the SHA-256 of its secret is kept; renewing replaces the row, revoking deletes it.
CREATE TABLE calendar_subscriptions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
