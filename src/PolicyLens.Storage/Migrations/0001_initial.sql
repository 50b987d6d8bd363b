-- Documents, their passages, ingestion issues, analysis runs with tags and evidence.
-- Times are ISO 8601 UTC text; heading paths are JSON arrays of strings.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    municipality  TEXT,
    format        TEXT    NOT NULL,            -- DocumentFormat name: Pdf, Docx, Odt, Html, Text, Markdown
    page_count    INTEGER,
    passage_count INTEGER NOT NULL,
    size_bytes    INTEGER NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,     -- lower-case hex SHA-256 of the file
    ingested_at   TEXT    NOT NULL
);

CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    page        INTEGER,
    headings    TEXT    NOT NULL,              -- JSON array, outermost heading first
    kind        TEXT    NOT NULL,              -- PassageKind name
    text        TEXT    NOT NULL,
    start_offset INTEGER NOT NULL,             -- offsets into the document's plain text
    end_offset   INTEGER NOT NULL,
    UNIQUE (document_id, ordinal)
);

CREATE TABLE ingestion_issues (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    severity    TEXT    NOT NULL,              -- Warning or Error
    message     TEXT    NOT NULL,
    page        INTEGER
);
CREATE INDEX ingestion_issues_document ON ingestion_issues(document_id);

CREATE TABLE analysis_runs (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule_set_version TEXT    NOT NULL,         -- content hash of the rule files
    tool_version     TEXT    NOT NULL,
    created_at       TEXT    NOT NULL
);
CREATE INDEX analysis_runs_document ON analysis_runs(document_id, id);

CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,               -- the tagger's order within the passage
    dimension  TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    score      REAL    NOT NULL,
    UNIQUE (run_id, passage_id, ordinal)
);
CREATE INDEX tags_passage ON tags(passage_id);
CREATE INDEX tags_label ON tags(dimension, label);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    rule_id       TEXT    NOT NULL,
    term          TEXT    NOT NULL,
    matched_text  TEXT    NOT NULL,
    start_offset  INTEGER NOT NULL,            -- into the passage text, or into the heading for source 'Heading'
    length        INTEGER NOT NULL,
    weight        REAL    NOT NULL,
    source        TEXT    NOT NULL,            -- Passage or Heading
    heading_index INTEGER NOT NULL,            -- -1 unless source is Heading
    UNIQUE (tag_id, ordinal)
);

-- Full-text index over passage texts (external content: the text lives once, in passages).
-- remove_diacritics 2 lets "financiele" find "financiële".
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text,
    content = 'passages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER passages_fts_update AFTER UPDATE OF text ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
