-- What a consultant filters plans by, and where an imported plan came from.
-- nis_code: the municipality's NIS code (its first digit gives the province); plan_year: the
-- plan's first year; plan_type: "meerjarenplan", "beleidsplan", …; all NULL when unknown.
-- source_key: for a plan made by the structured import, "<mapping id>:<plan key>" (e.g.
-- "bbc-meerjarenplan:11001"): a later import with the same key becomes the next version of
-- that plan. NULL for uploaded documents.
ALTER TABLE documents ADD COLUMN nis_code TEXT;
ALTER TABLE documents ADD COLUMN plan_year INTEGER;
ALTER TABLE documents ADD COLUMN plan_type TEXT;
ALTER TABLE documents ADD COLUMN source_key TEXT;

CREATE INDEX documents_source_key ON documents(source_key);
