-- A group member can be linked to the account of the person (issue #26): their data export (AVG inzage) then
-- covers their membership, attendance, reflections and action items, and the person can be recognised when they
-- log in. The link goes when the account is deleted; the member and their history stay.
ALTER TABLE group_members ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX ux_group_members_user ON group_members (group_id, user_id) WHERE user_id IS NOT NULL;
