-- Evidence rows took most of the database: every row repeated its rule id and term (often 40+
-- characters), its source as text, and a rowid plus a separate (tag_id, ordinal) index.
-- Now: rule id + term live once in evidence_terms; evidence is keyed by (tag_id, ordinal)
-- without a rowid; the source follows from heading_index (-1: the passage text, otherwise the
-- heading it came from), which Evidence guarantees; matched_text may be NULL, meaning "the
-- characters at start_offset/length of the passage text (or of that heading)", which the store
-- only writes when that is exactly so. Existing rows are copied with their matched text kept.

CREATE TABLE evidence_terms (
    id      INTEGER PRIMARY KEY,
    rule_id TEXT    NOT NULL,
    term    TEXT    NOT NULL,
    UNIQUE (rule_id, term)
);

INSERT INTO evidence_terms (rule_id, term)
    SELECT DISTINCT rule_id, term FROM evidence ORDER BY rule_id, term;

CREATE TABLE evidence_v3 (
    tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    term_id       INTEGER NOT NULL REFERENCES evidence_terms(id),
    matched_text  TEXT,                        -- NULL: the span of the passage text or heading it points into
    start_offset  INTEGER NOT NULL,            -- into the passage text, or into the heading when heading_index >= 0
    length        INTEGER NOT NULL,
    weight        REAL    NOT NULL,
    heading_index INTEGER NOT NULL,            -- -1: found in the passage text; otherwise the heading's index
    PRIMARY KEY (tag_id, ordinal)
) WITHOUT ROWID;

INSERT INTO evidence_v3 (tag_id, ordinal, term_id, matched_text, start_offset, length, weight, heading_index)
    SELECT e.tag_id, e.ordinal, t.id, e.matched_text, e.start_offset, e.length, e.weight,
           CASE WHEN e.source = 'Heading' THEN e.heading_index ELSE -1 END
    FROM evidence e JOIN evidence_terms t ON t.rule_id = e.rule_id AND t.term = e.term;

DROP TABLE evidence;
ALTER TABLE evidence_v3 RENAME TO evidence;

-- No query looks tags up by label (coverage and comparison read a plan's tags by run), and this
-- index repeated both names for every tag: about a tenth of the database.
DROP INDEX tags_label;
