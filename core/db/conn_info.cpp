#include "db/conn_info.h"

#include <libpq-fe.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}
} // namespace

Result<ConnInfo> ConnInfo::parse(const QString &text)
{
    char *errorText = nullptr;
    const QByteArray utf8 = text.trimmed().toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(utf8.constData(), &errorText), &PQconninfoFree);
    if (!options) {
        QString reason = errorText ? QString::fromUtf8(errorText).trimmed() : u"out of memory"_s;
        PQfreemem(errorText);
        return Error{u"db.conninfo"_s,
                     u"The connection string is not valid: %1"_s.arg(reason),
                     {},
                     u"Use the form \"host=NAME dbname=NAME\" or \"postgresql://HOST/NAME\"."_s};
    }
    ConnInfo info;
    for (const PQconninfoOption *o = options.get(); o->keyword; ++o) {
        if (o->val)
            info.m_pairs.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    return info;
}

ConnInfo ConnInfo::fromPairs(QMap<QString, QString> pairs)
{
    ConnInfo info;
    info.m_pairs = std::move(pairs);
    return info;
}

QString ConnInfo::toKeywordValueString() const
{
    QStringList parts;
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it)
        parts << it.key() + u'=' + quoted(it.value());
    return parts.join(u' ');
}

QString ConnInfo::describe() const
{
    QStringList parts;
    const QString host = value(u"host"_s).isEmpty() ? value(u"hostaddr"_s) : value(u"host"_s);
    if (!host.isEmpty())
        parts << u"host %1"_s.arg(host);
    if (!value(u"port"_s).isEmpty())
        parts << u"port %1"_s.arg(value(u"port"_s));
    if (!value(u"dbname"_s).isEmpty())
        parts << u"database %1"_s.arg(value(u"dbname"_s));
    if (!value(u"service"_s).isEmpty())
        parts << u"service %1"_s.arg(value(u"service"_s));
    if (parts.isEmpty())
        parts << u"libpq defaults"_s;
    return parts.join(u", "_s);
}

bool ConnInfo::reachesAnotherMachine(const QProcessEnvironment &env) const
{
    QString hosts = value(u"host"_s).isEmpty() ? value(u"hostaddr"_s) : value(u"host"_s);
    if (hosts.isEmpty())
        hosts =
            env.value(u"PGHOST"_s).isEmpty() ? env.value(u"PGHOSTADDR"_s) : env.value(u"PGHOST"_s);
    const QStringList local{u"localhost"_s, u"127.0.0.1"_s, u"::1"_s};
    for (const QString &host : hosts.split(u',')) {
        const QString h = host.trimmed();
        // An empty entry is libpq's default socket; '@' starts an abstract socket's name.
        if (h.isEmpty() || h.startsWith(u'/') || h.startsWith(u'@') ||
            local.contains(h, Qt::CaseInsensitive))
            continue;
        return true;
    }
    return false;
}

bool ConnInfo::requireVerifiedTls(const QProcessEnvironment &env)
{
    // A service file may set sslmode itself; its settings cannot be seen from here.
    const bool chosen = !value(u"sslmode"_s).isEmpty() || !env.value(u"PGSSLMODE"_s).isEmpty() ||
                        !value(u"service"_s).isEmpty() || !env.value(u"PGSERVICE"_s).isEmpty();
    if (chosen || !reachesAnotherMachine(env))
        return false;
    set(u"sslmode"_s, u"verify-full"_s);
    return true;
}

} // namespace cpis
