-- Ingestion issues keep their code (IssueCode by name) and the facts their Dutch text needs
-- (a JSON object), so a stored warning reads in Dutch like a fresh one. Rows stored before this
-- migration have no code (NULL); they are read back with the generic code and their English text.
ALTER TABLE ingestion_issues ADD COLUMN code TEXT;
ALTER TABLE ingestion_issues ADD COLUMN facts TEXT;
