-- An upload sent as a new version of a stored plan remembers which one, so after a restart the
-- waiting file still becomes that plan's next version instead of a plan of its own. No foreign
-- key: the plan may be deleted while the job waits (the link is then skipped, as for a live job).
ALTER TABLE upload_jobs ADD COLUMN version_of INTEGER;
