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
-- read every member. Each member also keeps the one- and two-character pieces of the non-ASCII runs of the same text
-- (in practice: of the name; ASCII runs collapse to a separator first, which keeps the array a handful of entries
-- long and the bulk load fast), in a GIN index, so such a search is an index lookup too. A one- or two-character
-- ASCII term ("li") matches so many members that the name order serves it.
CREATE FUNCTION wide_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(
    SELECT DISTINCT gram FROM (
      SELECT substr(s, i, 1) AS gram FROM generate_series(1, char_length(s)) AS i
      UNION ALL
      SELECT substr(s, i, 2) FROM generate_series(1, char_length(s) - 1) AS i
    ) AS grams
    WHERE strpos(gram, chr(1)) = 0
  )
  FROM (SELECT regexp_replace(t, '[\x01-\x7f]+', chr(1), 'g') AS s) AS wide
$$;
ALTER TABLE members ADD COLUMN search_grams text[] GENERATED ALWAYS AS (wide_grams(lower(name || chr(10) || email || chr(10) || employee_no || chr(10) || right(phone, 4)))) STORED;
CREATE INDEX members_search_grams ON members USING gin (tenant_id, search_grams);
