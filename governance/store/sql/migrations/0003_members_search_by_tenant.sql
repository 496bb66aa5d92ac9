-- Member search indexes lead with tenant_id like every other (btree_gin lets a GIN index hold the tenant beside the
-- text), so a search only ever visits its own tenant's postings.
-- The search text also holds the phone's last four digits (what the masked phone shows: 138****5432), so a member can
-- be found by them; never the whole number.
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX IF EXISTS members_search;
ALTER TABLE members DROP COLUMN search;
ALTER TABLE members ADD COLUMN search text GENERATED ALWAYS AS (lower(name || chr(10) || email || chr(10) || employee_no || chr(10) || right(phone, 4))) STORED;
CREATE INDEX members_search ON members USING gin (tenant_id, search gin_trgm_ops);

-- Trigrams cannot serve a one- or two-character search, and Chinese names are two or three characters: 王芳 would
-- read every member. Each member also keeps the set of its one- and two-character pieces of the same text, in a GIN
-- index, so such a search is an index lookup too.
CREATE FUNCTION search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(
    SELECT DISTINCT gram FROM (
      SELECT substr(t, i, 1) AS gram FROM generate_series(1, char_length(t)) AS i
      UNION ALL
      SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
    ) AS grams
  )
$$;
ALTER TABLE members ADD COLUMN search_grams text[] GENERATED ALWAYS AS (search_grams(lower(name || chr(10) || email || chr(10) || employee_no || chr(10) || right(phone, 4)))) STORED;
CREATE INDEX members_search_grams ON members USING gin (tenant_id, search_grams);
