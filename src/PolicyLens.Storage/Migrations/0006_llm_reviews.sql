-- Answers of the optional LLM reviewer ("tweede mening"), so a re-run costs nothing. One row per
-- passage text (hash of headings + text), model and prompt version; the answer is the validated
-- reply (labels with their quotes) as JSON, written and read by PolicyLens.Llm.
CREATE TABLE llm_reviews (
    passage_hash      TEXT    NOT NULL,
    model             TEXT    NOT NULL,
    prompt_version    TEXT    NOT NULL,
    answer            TEXT    NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    PRIMARY KEY (passage_hash, model, prompt_version)
) WITHOUT ROWID;

-- Which stored plans an answer belongs to. Answers quote the plan's text, so deleting the last
-- plan that holds a passage deletes its answers too (the trigger); answers never linked to a plan
-- (those of `eval` on a gold file) stay until the cache is cleared.
CREATE TABLE llm_review_documents (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_hash TEXT    NOT NULL,
    PRIMARY KEY (document_id, passage_hash)
) WITHOUT ROWID;

CREATE INDEX llm_review_documents_hash ON llm_review_documents(passage_hash);

CREATE TRIGGER llm_review_documents_forget AFTER DELETE ON llm_review_documents
WHEN NOT EXISTS (SELECT 1 FROM llm_review_documents WHERE passage_hash = OLD.passage_hash)
BEGIN
    DELETE FROM llm_reviews WHERE passage_hash = OLD.passage_hash;
END;
