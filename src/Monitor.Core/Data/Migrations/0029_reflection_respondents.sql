-- Which linked member has answered the closing question of an anonymous group through their own page (issue #16),
-- so that they see it as answered and cannot answer twice, while the answer itself keeps no author. No timestamp
-- and no rowid (WITHOUT ROWID, keyed on meeting and member): nothing here tells in which order people answered, so
-- a row cannot be matched to an answer.
CREATE TABLE reflection_respondents (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES group_members (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;
