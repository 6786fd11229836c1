// Connection settings as libpq understands them: a keyword/value string or a URI.
#pragma once

#include "result.h"

#include <QMap>
#include <QProcessEnvironment>
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
    [[nodiscard]] ConnInfo without(const QString &keyword) const
    {
        ConnInfo copy = *this;
        copy.m_pairs.remove(keyword);
        return copy;
    }

    // keyword='value' pairs, quoted for libpq.
    [[nodiscard]] QString toKeywordValueString() const;
    // For people and logs: never contains the password.
    [[nodiscard]] QString describe() const;

    // Whether any host it names (or $PGHOST / $PGHOSTADDR, when it names none) is another
    // machine: not localhost, 127.0.0.1, ::1 or a socket folder.
    [[nodiscard]] bool reachesAnotherMachine(const QProcessEnvironment &env) const;
    // libpq's default sslmode ("prefer") lets anyone in between turn TLS off or pose as the
    // server. So another machine, when nobody chose an sslmode (here, in $PGSSLMODE or in a
    // service file), is connected with sslmode=verify-full. True when it set it.
    bool requireVerifiedTls(const QProcessEnvironment &env);

private:
    QMap<QString, QString> m_pairs;
};

} // namespace cpis
