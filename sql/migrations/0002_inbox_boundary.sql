-- The inbox as a boundary: things directly under the inbox that are not day folders (a misnamed folder, a loose
-- file, a link) are reject rows of no day, so raw.rejects.partition_date may be NULL.
ALTER TABLE raw.rejects ALTER COLUMN partition_date DROP NOT NULL;
