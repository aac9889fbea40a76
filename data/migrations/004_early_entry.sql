-- A quarter opens for entry once it has ended (the day after its last day, in the coalition's time
-- zone). A coalition admin may open one earlier, for every agency at once, and close it again: the
-- moment and the admin are kept here; the audit log keeps every opening and closing.

ALTER TABLE reporting_periods ADD COLUMN opened_early_at TEXT;
ALTER TABLE reporting_periods ADD COLUMN opened_early_by INTEGER REFERENCES users (id);
