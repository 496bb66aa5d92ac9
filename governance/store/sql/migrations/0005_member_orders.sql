-- The directory sorts by employee number and by joining date too (both directions): each order has its keyset
-- index, as name has had since 0001, so a page deep in any order costs what the first does.
CREATE INDEX members_by_employee_no ON members (tenant_id, employee_no COLLATE "C", id COLLATE "C");
CREATE INDEX members_by_joined_at ON members (tenant_id, joined_at, id COLLATE "C");
