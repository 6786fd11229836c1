#include "workflow/service_call.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
// The database refuses before the function's own check can explain; say it the same way.
QString refusalFor(const QString &function)
{
    static const QHash<QString, QString> refusals{
        {u"start_work"_s, u"Only Safeguarding Admin can start CP-IS steps."_s},
        {u"cancel_work"_s, u"Only Safeguarding Admin can cancel CP-IS steps."_s},
        {u"save_step"_s, u"Only Safeguarding Admin can work on CP-IS steps."_s},
        {u"finish_step"_s, u"Only Safeguarding Admin can finish CP-IS steps."_s},
        {u"add_request"_s, u"Only Safeguarding Admin can send requests from CP-IS steps."_s},
        {u"add_next_action"_s, u"Only Safeguarding Admin can add next actions."_s},
        {u"update_next_action"_s, u"Only Safeguarding Admin can change next actions."_s},
        {u"remove_next_action"_s, u"Only Safeguarding Admin can remove next actions."_s},
        {u"create_follow_up_step"_s, u"Only the CP-IS exchange can create CP-IS steps."_s},
        {u"add_user"_s, u"Only system administrators can add users."_s},
        {u"set_config"_s, u"Only system administrators can change the configuration."_s},
        {u"add_case_note"_s,
         u"Only key workers, team managers and Safeguarding Admin can add case notes."_s},
        {u"update_case_note"_s,
         u"Only key workers, team managers and Safeguarding Admin can change case notes."_s},
        {u"raise_alert"_s,
         u"Only Safeguarding Admin, team managers, administrators and the exchange can raise alerts."_s},
    };
    return refusals.value(function, u"You are not allowed to do that."_s);
}
} // namespace

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
    if (error.sqlState == u"42501"_s &&
        error.message.startsWith(u"permission denied for function "_s))
        error.message = refusalFor(error.message.section(u' ', 4, 4));
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
