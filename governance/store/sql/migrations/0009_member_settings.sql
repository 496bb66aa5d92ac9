-- Each tenant's member settings: the grace period a removal offers and the reply days for deregistration requests
-- (the record as jsonb; a tenant without a row has the defaults).
CREATE TABLE member_settings (
  tenant_id text PRIMARY KEY REFERENCES tenants (id),
  record jsonb NOT NULL
);
