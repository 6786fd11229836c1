#include "workflow/service_call.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace cpis {

Error workflowError(Error error)
{
    static const QHash<QString, const char *> codes{
        {u"42501"_s, errc::kDenied},
        {u"CPVL1"_s, errc::kInvalid},
        {u"CPNF1"_s, errc::kNotFound},
        {u"CPST1"_s, errc::kStale},
        {u"CPCL1"_s, errc::kTaken},
        {u"CPIN1"_s, errc::kIncomplete},
        {u"CPWS1"_s, errc::kWrongState},
        {u"CPFR1"_s, errc::kFinalNote},
        {u"CPAU1"_s, errc::kAuditLocked},
        // Constraint violations are bad input that slipped past the functions' own checks.
        {u"23514"_s, errc::kInvalid},
        {u"23502"_s, errc::kInvalid},
        {u"22001"_s, errc::kInvalid},
    };
    if (const auto it = codes.constFind(error.sqlState); it != codes.cend())
        error.code = QString::fromLatin1(it.value());
    if (error.sqlState == u"42501"_s && error.message.startsWith(u"permission denied"_s))
        error.message = u"You are not allowed to do that (%1)."_s.arg(error.message);
    return error;
}

Result<QSqlQuery> callService(Connection &connection, const QString &sql,
                              const QVariantList &params)
{
    auto query = connection.exec(sql, params);
    if (!query)
        return workflowError(query.error());
    return query;
}

Result<QVariant> callScalar(Connection &connection, const QString &sql, const QVariantList &params)
{
    auto query = callService(connection, sql, params);
    if (!query)
        return query.error();
    return query->next() ? query->value(0) : QVariant();
}

QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

} // namespace cpis
