-- Document ids are never given out twice: after a delete, an old link to /documenten/12 must not
-- show the next upload. SQLite reuses the highest rowid once its row is gone, so the highest id
-- ever given out is kept here and new documents are numbered above it (AUTOINCREMENT would need
-- the documents table rebuilt, and dropping it would cascade to every passage).
CREATE TABLE id_high_water (
    name    TEXT    PRIMARY KEY,
    last_id INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO id_high_water (name, last_id) SELECT 'documents', COALESCE(MAX(id), 0) FROM documents;

CREATE TRIGGER documents_high_water AFTER INSERT ON documents BEGIN
    UPDATE id_high_water SET last_id = MAX(last_id, new.id) WHERE name = 'documents';
END;

-- Every retag kept every earlier run (585 MB grew to 1.6 GB over two rule changes). Retags now
-- keep the latest runs per document (SqliteStoreOptions.KeepRuns, default 2); this prunes what
-- earlier versions left to that default. Tags and evidence go with their run (ON DELETE CASCADE).
DELETE FROM analysis_runs WHERE id IN (
    SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY id DESC) AS newer
        FROM analysis_runs)
    WHERE newer > 2);
