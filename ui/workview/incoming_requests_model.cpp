#include "workview/incoming_requests_model.h"

#include "display.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cpis::ui {

IncomingRequestsModel::IncomingRequestsModel(QObject *parent) : RowTableModel(parent)
{
    using Request = IncomingRequest;
    const auto due = [this](const Request &r, int role) {
        return Display::dueData(r.dueAt, m_now, role);
    };
    const auto link = [](const Request &) {
        return QGuiApplication::palette().color(QPalette::Link); // read as links
    };
    setColumns({
        ColumnSpec(
            [] { return tr("Subject"); },
            [](const Request &r) { return tr("%1 (%2)").arg(r.subjectName).arg(r.subjectId); })
            .withForeground(link),
        ColumnSpec([] { return tr("Request"); }, [](const Request &r) { return requestText(r); })
            .withToolTip([](const Request &r) {
                return tr("%1\nOpen the summary and document of this step (Enter)")
                    .arg(requestText(r));
            })
            .withForeground(link)
            .withFont([](const Request &) {
                QFont font;
                font.setUnderline(true);
                return font;
            }),
        ColumnSpec([] { return tr("Date"); },
                   [](const Request &r) { return Display::date(r.sentAt.toLocalTime().date()); }),
        ColumnSpec([] { return tr("Due"); })
            .withToolTip([](const Request &r) {
                return tr("Acknowledge it, and add the case note it needs, by %1 (the handling "
                          "time in office hours from when it was sent).")
                    .arg(Display::dateTime(r.dueAt));
            })
            .withOtherRoles(due),
        ColumnSpec([] { return tr("Status"); }, [](const Request &r) { return statusText(r); })
            .withToolTip([](const Request &r) { return statusText(r); })
            .withFont([](const Request &r) {
                if (r.state == u"acknowledged"_s)
                    return QVariant();
                QFont font;
                font.setBold(true);
                return QVariant(font);
            }),
        ColumnSpec([] { return tr("Note"); },
                   [](const Request &r) { return QString(r.note).replace(u'\n', u' '); })
            .withToolTip([](const Request &r) { return r.note; }),
    });
    setRowRoles({{RequestIdRole,
                  [](const Request &r) {
                      return r.requestId;
                  }},
                 {StepIdRole,
                  [](const Request &r) {
                      return r.stepId;
                  }},
                 {SubjectIdRole, [](const Request &r) {
                      return r.subjectId;
                  }}});
}

void IncomingRequestsModel::setRows(const QList<IncomingRequest> &rows)
{
    m_now = QDateTime::currentDateTime();
    RowTableModel::setRows(rows);
}

int IncomingRequestsModel::rowOf(qint64 requestId) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (rows().at(row).requestId == requestId)
            return row;
    }
    return -1;
}

QString IncomingRequestsModel::requestText(const IncomingRequest &request)
{
    return request.type + u": "_s + request.stepTitle;
}

QString IncomingRequestsModel::statusText(const IncomingRequest &request)
{
    QStringList parts;
    parts << (request.state == u"acknowledged"_s ? tr("Acknowledged") : tr("Not acknowledged"));
    if (request.awaitingCaseNote)
        parts << tr("awaiting case note");
    else if (request.caseNoteExpected == u"on_concern"_s)
        parts << tr("case note only if concerns");
    return parts.join(u" · "_s);
}

} // namespace cpis::ui
