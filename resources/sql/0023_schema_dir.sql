-- cpis.schema_dir: the folder holding NHS England's DMS schemas. When set, every upload is
-- validated against them before it is sent and every message received before it is
-- processed; empty (the default) validates nothing. Checked in set_config (functions/configuration.sql).
INSERT INTO config (key, value, secret) VALUES ('cpis.schema_dir', '', false)
ON CONFLICT (key) DO NOTHING;

-- functions: a4166bc4f3b5613e8208ee5e0fc45f06016f69eac0c91f5f9281c5c982cade59
