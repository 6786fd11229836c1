#include "workview_command.h"

#include "database_session.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace cpis::cli {

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString shown(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s) : u"-"_s;
}

QString subject(const QString &name, qint64 id)
{
    return u"%1 (%2)"_s.arg(name).arg(id);
}

QJsonDocument asJson(const Workview &view)
{
    QJsonArray work;
    for (const CurrentWorkItem &w : view.currentWork) {
        work.append(QJsonObject{{u"step_id"_s, w.stepId},
                                {u"type"_s, w.type},
                                {u"subject_id"_s, w.subjectId},
                                {u"subject_name"_s, w.subjectName},
                                {u"title"_s, w.title},
                                {u"state"_s, w.state},
                                {u"received_at"_s, iso(w.receivedAt)},
                                {u"due_at"_s, iso(w.dueAt)},
                                {u"key_worker"_s, w.keyWorker},
                                {u"source"_s, w.source},
                                {u"started_by"_s, w.startedBy}});
    }
    QJsonArray requests;
    for (const IncomingRequest &r : view.incomingRequests) {
        requests.append(QJsonObject{{u"request_id"_s, r.requestId},
                                    {u"subject_id"_s, r.subjectId},
                                    {u"subject_name"_s, r.subjectName},
                                    {u"type"_s, r.type},
                                    {u"note"_s, r.note},
                                    {u"sent_at"_s, iso(r.sentAt)},
                                    {u"state"_s, r.state},
                                    {u"awaiting_case_note"_s, r.awaitingCaseNote}});
    }
    return QJsonDocument(QJsonObject{{u"worker"_s, view.worker.name},
                                     {u"current_work"_s, work},
                                     {u"incoming_requests"_s, requests}});
}

void printWorkGroup(const QList<CurrentWorkItem> &items, const QString &state,
                    const QString &heading)
{
    QList<CurrentWorkItem> group;
    for (const CurrentWorkItem &w : items) {
        if (w.state == state)
            group.append(w);
    }
    out() << "  " << heading << " (" << group.size() << ")\n";
    for (const CurrentWorkItem &w : group) {
        out() << "    " << w.type.leftJustified(16)
              << subject(w.subjectName, w.subjectId).leftJustified(32) << w.title.leftJustified(16)
              << "received " << shown(w.receivedAt) << "  due " << shown(w.dueAt)
              << "  key worker: " << (w.keyWorker.isEmpty() ? u"none"_s : w.keyWorker);
        if (!w.startedBy.isEmpty())
            out() << "  started by " << w.startedBy;
        out() << "\n";
    }
}

void printText(const Workview &view)
{
    out() << "Workview: " << view.worker.name << "\n\nCurrent work\n";
    printWorkGroup(view.currentWork, u"incoming"_s, u"Incoming work"_s);
    printWorkGroup(view.currentWork, u"in_progress"_s, u"Work in progress"_s);
    out() << "\nIncoming requests (" << view.incomingRequests.size() << ")\n";
    for (const IncomingRequest &r : view.incomingRequests) {
        out() << "  " << subject(r.subjectName, r.subjectId) << "  " << r.type << ": "
              << r.stepTitle << "  " << shown(r.sentAt) << "  "
              << (r.state == u"acknowledged"_s ? u"acknowledged"_s : u"not acknowledged"_s);
        if (r.awaitingCaseNote)
            out() << ", awaiting case note";
        out() << "\n    Note: " << r.note << "\n";
    }
}
} // namespace

int workview(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption json(u"json"_s, u"Print JSON instead of text."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKER"_s,
                                 u"A login (jane.okafor) or a worker's name (\"CP-IS Worker\")."_s);
    if (auto stop = parseArguments(
            parser, u"workview"_s,
            u"Show a worker's Current work and Incoming requests as the client shows them.\n"
            u"Exit status: 0 shown, 1 no such worker, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        return usageError(u"workview"_s, u"give one WORKER."_s);
    }
    auto session = DatabaseSession::open(parser);
    if (!session)
        return session.exitCode();
    Connection &c = session.connection();
    auto worker = WorkerDirectory(c).resolve(parser.positionalArguments().first());
    if (!worker)
        return exitFor(worker.error());
    auto view = loadWorkview(c, *worker);
    if (!view)
        return exitFor(view.error());
    if (parser.isSet(json))
        out() << asJson(*view).toJson(QJsonDocument::Indented);
    else
        printText(*view);
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
