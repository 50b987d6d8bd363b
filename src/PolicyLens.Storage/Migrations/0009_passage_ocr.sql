-- Passages read by OCR (tesseract, from a scanned page or one whose text layer was symbol soup)
-- keep that mark, so the report and the evidence can say the text may hold recognition errors.
ALTER TABLE passages ADD COLUMN from_ocr INTEGER NOT NULL DEFAULT 0;
