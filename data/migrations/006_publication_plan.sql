-- The publication plan and the catalog's publication groupings are stored with each catalog
-- version, as the JSON of their files (data/catalog/plan.json, the catalog's "groupings"): a release
-- is computed under the plan of its catalog version. A version stored before plans existed has
-- none; it is published under the default plan.

ALTER TABLE catalog_versions ADD COLUMN groupings TEXT NOT NULL DEFAULT '[]';
ALTER TABLE catalog_versions ADD COLUMN publication_plan TEXT;
