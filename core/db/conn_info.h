// Connection settings as libpq understands them: a keyword/value string or a URI.
#pragma once

#include "result.h"

#include <QMap>
#include <QString>

namespace cpis {

// A parsed libpq connection string. Multi-host lists, sslmode, target_session_attrs and
// every other libpq keyword pass through untouched.
class ConnInfo
{
public:
    // Accepts "host=... dbname=..." and "postgresql://..." forms; an empty string means
    // "libpq defaults" (PGHOST, PGSERVICE, ... from the environment).
    static Result<ConnInfo> parse(const QString &text);
    static ConnInfo fromPairs(QMap<QString, QString> pairs);

    [[nodiscard]] QString value(const QString &keyword) const { return m_pairs.value(keyword); }
    void set(const QString &keyword, const QString &value) { m_pairs.insert(keyword, value); }

    // keyword='value' pairs, quoted for libpq.
    [[nodiscard]] QString toKeywordValueString() const;
    // For people and logs: never contains the password.
    [[nodiscard]] QString describe() const;

private:
    QMap<QString, QString> m_pairs;
};

} // namespace cpis
