// The stored configuration (table config): CP-IS handling, MESH mailbox, schedule.
// Changing a setting goes through the database, which validates it, audits it and tells
// every open client; secrets are never shown back. What the exchange makes of the settings:
// cpis/exchange_config.h.
#pragma once

#include "config/note_template.h"
#include "db/connection.h"
#include "result.h"

#include <QHash>
#include <QList>

namespace cpis {

struct ConfigEntry
{
    QString key;
    QString value; // for a secret only "set" or empty
    bool secret = false;
    QString updatedBy;
    QDateTime updatedAt;
};

// One Save of the Configuration tools: changed settings and note templates together.
struct ConfigurationEdit
{
    QList<std::pair<QString, QString>> settings; // key, value
    QList<NoteTemplate> templates;               // source, label, body
    [[nodiscard]] bool isEmpty() const { return settings.isEmpty() && templates.isEmpty(); }
};

// A field the database refused: a setting's key, or template.SOURCE.label / .body.
struct FieldRefusal
{
    QString field;
    QString message;
};

// A refusal by the grants (before the function's own check can explain), said plainly.
Error configurationError(Error error);

class ConfigStore
{
public:
    explicit ConfigStore(Connection &connection) : m_connection(connection) {}

    Result<QList<ConfigEntry>> list();
    Result<ConfigEntry> get(const QString &key);
    Status set(const QString &key, const QString &value);
    // All or nothing: an empty list when everything was stored, otherwise what was refused,
    // field by field, and nothing stored.
    Result<QList<FieldRefusal>> save(const ConfigurationEdit &edit);
    // Every setting by key, secrets included (only the exchange account may read them).
    Result<QHash<QString, QString>> values();

private:
    Connection &m_connection;
};

} // namespace cpis
