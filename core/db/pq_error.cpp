#include "db/pq_error.h"

#include "db/error_codes.h"

#include <QCoreApplication>
#include <QHash>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace cpis {

bool isConnectionFailure(const QString &sqlState)
{
    // Class 08 is "connection exception"; 57P01-3 are server shutdown / cannot connect now.
    return sqlState.startsWith(u"08"_s) || sqlState.startsWith(u"57P0"_s);
}

QString visible(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            out += u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    return out;
}

Error errorFromResult(PGconn *conn, const PGresult *result)
{
    Error e;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    e.sqlState = state ? QString::fromLatin1(state) : QString();
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char *hint = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_HINT) : nullptr;
    e.message = visible(QString::fromUtf8(primary ? primary : PQerrorMessage(conn)).trimmed());
    e.hint = visible(QString::fromUtf8(hint).trimmed());
    // The functions' own checks (_invalid, functions/foundation.sql) name the field they refuse.
    const char *column = result ? PQresultErrorField(result, PG_DIAG_COLUMN_NAME) : nullptr;
    e.column = QString::fromUtf8(column);
    e.code = isConnectionFailure(e.sqlState) || PQstatus(conn) != CONNECTION_OK
                 ? u"db.unreachable"_s
                 : u"db.error"_s;
    return e;
}

Error notOpen()
{
    return Error{u"db.unreachable"_s, u"The database connection is not open."_s, {}, {}};
}

namespace {
// In the user's language: the workflow windows show these as they are.
// The database refuses before the function's own check can explain; say it the same way.
QString refusalFor(const QString &function)
{
    static const QHash<QString, const char *> refusals{
        {u"start_work"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can start CP-IS steps.")},
        {u"cancel_work"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can cancel CP-IS steps.")},
        {u"save_step"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can work on CP-IS steps.")},
        {u"finish_step"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can finish CP-IS steps.")},
        {u"add_request"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal",
                           "Only Safeguarding Admin can send requests from CP-IS steps.")},
        {u"add_next_action"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can add next actions.")},
        {u"update_next_action"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can change next actions.")},
        {u"remove_next_action"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin can remove next actions.")},
        {u"create_follow_up_step"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only the CP-IS exchange can create CP-IS steps.")},
        {u"add_user"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only system administrators can add users.")},
        {u"list_users"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only system administrators can list users.")},
        {u"disable_user"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only system administrators can disable users.")},
        {u"enable_user"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only system administrators can enable users.")},
        {u"reset_user_password"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal",
                           "Only system administrators can set users' passwords.")},
        {u"set_user_roles"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only system administrators can change users' roles.")},
        {u"change_my_password"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal",
                           "Only users of CP-IS Workview can change their password here.")},
        {u"set_config"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal",
                           "Only system administrators can change the configuration.")},
        {u"add_case_note"_s,
         QT_TRANSLATE_NOOP(
             "cpis::Refusal",
             "Only key workers, team managers and Safeguarding Admin can add case notes.")},
        {u"update_case_note"_s,
         QT_TRANSLATE_NOOP(
             "cpis::Refusal",
             "Only key workers, team managers and Safeguarding Admin can change case notes.")},
        {u"raise_alert"_s,
         QT_TRANSLATE_NOOP("cpis::Refusal", "Only Safeguarding Admin, team managers, "
                                            "administrators and the exchange can raise alerts.")},
    };
    if (const auto it = refusals.constFind(function); it != refusals.cend())
        return QCoreApplication::translate("cpis::Refusal", it.value());
    return QCoreApplication::translate("cpis::Refusal", "You are not allowed to do that.");
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
    // The interactive limits (DatabaseWorker): in words a user can act on.
    if (error.sqlState == u"55P03"_s) {
        error.code = QString::fromLatin1(errc::kBusy);
        error.message = QCoreApplication::translate(
            "cpis::DatabaseError", "Someone else is changing the same record and has not "
                                   "finished, so this was not done. Try again in a moment.");
    } else if (error.sqlState == u"57014"_s && error.message.contains(u"statement timeout"_s)) {
        error.code = QString::fromLatin1(errc::kTimedOut);
        error.message = QCoreApplication::translate(
            "cpis::DatabaseError", "The database took too long to answer, so this was stopped. "
                                   "Try again; if it happens again, tell your system "
                                   "administrator.");
    }
    if (error.sqlState == u"42501"_s &&
        error.message.startsWith(u"permission denied for function "_s))
        error.message = refusalFor(error.message.section(u' ', 4, 4));
    return error;
}

} // namespace cpis
