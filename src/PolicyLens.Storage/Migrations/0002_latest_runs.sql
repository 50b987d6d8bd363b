-- The latest analysis run of each document: what lists, reports and comparisons read.
-- Run ids grow with time, so the highest id is the newest run.
CREATE VIEW latest_runs AS
    SELECT document_id, MAX(id) AS run_id
    FROM analysis_runs
    GROUP BY document_id;

-- Comparisons and the web app filter plans by municipality.
CREATE INDEX documents_municipality ON documents(municipality);
