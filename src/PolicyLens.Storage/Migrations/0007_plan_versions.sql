-- Versions of a plan: successive drafts of one policy plan, each stored as its own document.
-- Every document belongs to exactly one plan; a plan of one document is a plan with one version.
-- Plan ids come from their own AUTOINCREMENT table so an id is never handed out twice: with
-- document ids (reused by SQLite when the highest row is deleted) a new document could silently
-- join the plan of a deleted one.
CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT
);

CREATE TABLE plan_versions (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    version     INTEGER NOT NULL CHECK (version >= 1),   -- 1, 2, 3 … in the order versions were added; kept when one is deleted
    UNIQUE (plan_id, version)
);

-- Documents stored before this migration each become a plan of their own (plan id = document id).
INSERT INTO plans (id) SELECT id FROM documents ORDER BY id;
INSERT INTO plan_versions (document_id, plan_id, version) SELECT id, id, 1 FROM documents;

-- A new document starts as version 1 of a new plan; linking it to another plan moves it.
CREATE TRIGGER documents_new_plan AFTER INSERT ON documents BEGIN
    INSERT INTO plans (id) VALUES (NULL);   -- DEFAULT VALUES is not allowed in a trigger
    INSERT INTO plan_versions (document_id, plan_id, version) VALUES (new.id, (SELECT MAX(id) FROM plans), 1);
END;

-- A plan without versions (its last document deleted, or moved into another plan) goes too.
CREATE TRIGGER plan_versions_delete AFTER DELETE ON plan_versions
WHEN NOT EXISTS (SELECT 1 FROM plan_versions WHERE plan_id = old.plan_id) BEGIN
    DELETE FROM plans WHERE id = old.plan_id;
END;

CREATE TRIGGER plan_versions_move AFTER UPDATE OF plan_id ON plan_versions
WHEN NOT EXISTS (SELECT 1 FROM plan_versions WHERE plan_id = old.plan_id) BEGIN
    DELETE FROM plans WHERE id = old.plan_id;
END;
