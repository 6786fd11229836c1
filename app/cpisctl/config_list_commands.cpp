#include "config_list_commands.h"

#include "database_session.h"
#include "workflow/list_admin.h"

#include <QDate>

#include <iostream>
#include <iterator>
#include <string>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
const QString kLists = u"LIST is one of request_type, next_action, next_action_reason, "
                       u"case_note_type, cancel_reason."_s;

// Parses ARGUMENTS (exactly `names`), opens the database, runs the change and says `done`.
int runChange(const QString &command, const QString &description, const QStringList &names,
              const QStringList &args,
              const std::function<Status(ListAdmin &, const QStringList &)> &change,
              const std::function<QString(const QStringList &)> &done,
              const QCommandLineOption *extra = nullptr,
              std::optional<QString> *extraValue = nullptr)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (extra)
        parser.addOption(*extra);
    for (const QString &name : names)
        parser.addPositionalArgument(name, {});
    if (auto stop = parseArguments(
            parser, command,
            description + u"\nSystem administrators only; audited; open clients pick it up at once."
                          u"\nExit status: 0 changed, 1 refused, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != names.size())
        return usageError(command, u"give %1."_s.arg(names.join(u' ')));
    if (extra && extraValue && parser.isSet(*extra))
        *extraValue = parser.value(*extra);
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    ListAdmin admin(session.connection());
    if (const Status changed = change(admin, positional); !changed)
        return exitFor(changed.error());
    out() << done(positional) << "\n";
    out().flush();
    return kExitOk;
}

Result<QDate> dayFrom(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return Error{u"invalid"_s, u"\"%1\" is not a date such as 2029-01-01."_s.arg(text), {}, {}};
    return day;
}
} // namespace

int configLists(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    if (auto stop =
            parseArguments(parser, u"config lists"_s,
                           u"Print the lists (request types, next actions, reasons, "
                           u"case-note types), retired items marked, and the note templates.\n"
                           u"Exit status: 0 shown, 1 failed, 2 usage error, 3 unreachable."_s,
                           args))
        return *stop;
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    auto snapshot = ListAdmin(session.connection()).snapshot();
    if (!snapshot)
        return exitFor(snapshot.error());
    for (const ListItem &item : std::as_const(snapshot->items))
        out() << item.list.leftJustified(20) << item.label << (item.active ? "" : "  (retired)")
              << "\n";
    for (const NoteTemplate &t : std::as_const(snapshot->templates))
        out() << u"template %1"_s.arg(t.source).leftJustified(20) << t.label << ": "
              << QString(t.body).replace(u'\n', u' ') << "\n";
    out().flush();
    return kExitOk;
}

int configListItemAdd(const QStringList &args)
{
    return runChange(
        u"config list-item add"_s,
        u"Add an item at the end of a list (or bring a retired one back). "_s + kLists,
        {u"LIST"_s, u"LABEL"_s}, args,
        [](ListAdmin &admin, const QStringList &a) { return admin.addItem(a.at(0), a.at(1)); },
        [](const QStringList &a) {
            return u"Added \"%1\" to %2."_s.arg(a.at(1).trimmed(), a.at(0));
        });
}

int configListItemRename(const QStringList &args)
{
    return runChange(
        u"config list-item rename"_s,
        u"Rename an item; what was recorded with the old name keeps it. "_s + kLists,
        {u"LIST"_s, u"LABEL"_s, u"NEW_LABEL"_s}, args,
        [](ListAdmin &admin, const QStringList &a) {
            return admin.renameItem(a.at(0), a.at(1), a.at(2));
        },
        [](const QStringList &a) {
            return u"Renamed \"%1\" to \"%2\" in %3."_s.arg(a.at(1), a.at(2).trimmed(), a.at(0));
        });
}

int configListItemRetire(const QStringList &args)
{
    return runChange(
        u"config list-item retire"_s,
        u"Stop offering an item (it is never deleted: history refers to it). "_s + kLists,
        {u"LIST"_s, u"LABEL"_s}, args,
        [](ListAdmin &admin, const QStringList &a) { return admin.retireItem(a.at(0), a.at(1)); },
        [](const QStringList &a) { return u"Retired \"%1\" from %2."_s.arg(a.at(1), a.at(0)); });
}

int configTemplateSet(const QStringList &args)
{
    const QCommandLineOption label(u"label"_s, u"The template's name (default: unchanged)."_s,
                                   u"LABEL"_s);
    std::optional<QString> labelValue;
    return runChange(
        u"config template set"_s,
        u"Replace a note template's text with standard input. SOURCE is ae (A&E) or dhu_111."_s,
        {u"SOURCE"_s}, args,
        [&labelValue](ListAdmin &admin, const QStringList &a) -> Status {
            const std::string body{std::istreambuf_iterator<char>(std::cin), {}};
            QString name = labelValue.value_or(QString());
            if (!labelValue) {
                auto snapshot = admin.snapshot();
                if (!snapshot)
                    return snapshot.error();
                for (const NoteTemplate &t : std::as_const(snapshot->templates)) {
                    if (t.source == a.at(0))
                        name = t.label;
                }
            }
            return admin.setTemplate({a.at(0), name, QString::fromStdString(body)});
        },
        [](const QStringList &a) { return u"Template %1 saved."_s.arg(a.at(0)); }, &label,
        &labelValue);
}

int configBankHolidayAdd(const QStringList &args)
{
    return runChange(
        u"config bank-holiday add"_s,
        u"Add or rename a bank holiday: DAY as 2029-01-01, NAME e.g. \"New Year's Day\"."_s,
        {u"DAY"_s, u"NAME"_s}, args,
        [](ListAdmin &admin, const QStringList &a) -> Status {
            auto day = dayFrom(a.at(0));
            if (!day)
                return day.error();
            return admin.setBankHoliday(*day, a.at(1));
        },
        [](const QStringList &a) { return u"Bank holiday %1 saved."_s.arg(a.at(0)); });
}

int configBankHolidayRemove(const QStringList &args)
{
    return runChange(
        u"config bank-holiday remove"_s, u"Remove a bank holiday: DAY as 2029-01-01."_s, {u"DAY"_s},
        args,
        [](ListAdmin &admin, const QStringList &a) -> Status {
            auto day = dayFrom(a.at(0));
            if (!day)
                return day.error();
            return admin.removeBankHoliday(*day);
        },
        [](const QStringList &a) { return u"Bank holiday %1 removed."_s.arg(a.at(0)); });
}

} // namespace cpis::cli
