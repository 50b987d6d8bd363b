-- Uploads survive a restart of the web app: files still waiting are read after the restart (their
-- upload copies are kept), and a job page can say which files were lost and must be sent again.
-- Finished jobs are kept a few hours, for their progress pages; the web app deletes older ones.

CREATE TABLE upload_jobs (
    id           TEXT    PRIMARY KEY,          -- random; the only handle the browser gets
    owner        TEXT,                         -- random id of the browser that started it; NULL: shown to everyone (demo plans)
    municipality TEXT,
    is_demo      INTEGER NOT NULL,
    refused      TEXT    NOT NULL,             -- JSON array of "file: reason" for files refused before queuing
    created_at   TEXT    NOT NULL
);

CREATE TABLE upload_job_files (
    job_id           TEXT    NOT NULL REFERENCES upload_jobs(id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    display_name     TEXT    NOT NULL,
    temp_path        TEXT    NOT NULL,         -- the copy under the upload folder (or a demo plan in the seeds folder)
    delete_when_done INTEGER NOT NULL,
    municipality     TEXT,
    state            TEXT    NOT NULL,         -- Wachtend, Bezig, Klaar, Mislukt
    attempts         INTEGER NOT NULL,         -- times reading started: a file that was being read at two crashes is not tried again
    error            TEXT,                     -- Dutch reason
    error_detail     TEXT,                     -- the reader's English message
    document_id      INTEGER,                  -- no foreign key: the plan may be deleted while the job is remembered
    duplicate        INTEGER NOT NULL,
    warnings         TEXT    NOT NULL,         -- JSON array of warning messages
    PRIMARY KEY (job_id, ordinal)
) WITHOUT ROWID;
