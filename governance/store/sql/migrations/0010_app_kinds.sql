-- App kinds (Neocrm 7.3): basic (the platform's own), third-party, custom (made by the tenant); and the requests to a
-- vendor to delete what it received (Neocrm 7.2), kept with the app. third_party stays, derived from the kind.
ALTER TABLE apps ADD COLUMN kind text NOT NULL DEFAULT 'third_party' CHECK (kind IN ('basic', 'third_party', 'custom'));
UPDATE apps SET kind = 'basic' WHERE NOT third_party;
ALTER TABLE apps ADD COLUMN vendor_deletion_requests jsonb NOT NULL DEFAULT '[]';
