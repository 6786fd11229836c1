-- Issue 18 / 21: MESH secrets sealed with the public key of the exchange host. Clients seal
-- mesh.password and mesh.shared_secret before sending them (set_config refuses clear text), so
-- neither the server log nor a dump holds them; only the private key of the exchange opens them.
INSERT INTO config (key, value, secret) VALUES ('mesh.secrets_public_key', '', false)
ON CONFLICT (key) DO NOTHING;

-- Secrets stored in clear before this release cannot be sealed here (SQL has no key). The
-- exchange goes on using them, so no notification is missed, and says so at every run; the
-- system administrators are asked to set them again, which replaces them with the sealed form.
INSERT INTO alert (alert_type, recipient_role, body)
SELECT 'MESH secrets stored in clear', 'cpis_sysadmin',
       'The MESH secrets (' || string_agg(key, ', ' ORDER BY key) || ') are stored in clear text '
       'from before secrets were sealed, so backups and anyone with the owner''s rights can read '
       'them. On the exchange''s host run cpisctl exchange keygen, set mesh.secrets_public_key to '
       'the line it prints, then set each secret again (cpisctl config set KEY --stdin or the '
       'Configuration tools).'
FROM config WHERE secret AND value <> '' AND value NOT LIKE 'sealed:v1:%'
HAVING count(*) > 0;
-- functions: 715a5a113ec05367a8f804ffed81044e2cdda874b89617b746f55886f001a5be
