#include "workview/incoming_requests_model.h"

#include "display.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace cpis::ui {

void IncomingRequestsModel::setRows(const QList<IncomingRequest> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_now = QDateTime::currentDateTime();
    endResetModel();
}

int IncomingRequestsModel::rowOf(qint64 requestId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).requestId == requestId)
            return row;
    }
    return -1;
}

int IncomingRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncomingRequestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant IncomingRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const IncomingRequest &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Subject:
            return tr("%1 (%2)").arg(r.subjectName).arg(r.subjectId);
        case Request:
            return requestText(r);
        case Sent:
            return Display::date(r.sentAt.toLocalTime().date());
        case Due:
            return Display::dueData(r.dueAt, m_now, role);
        case Status:
            return statusText(r);
        case Note:
            return QString(r.note).replace(u'\n', u' ');
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Note)
            return r.note;
        if (index.column() == Request)
            return tr("%1\nOpen the summary and document of this step (Enter)").arg(requestText(r));
        if (index.column() == Status)
            return statusText(r);
        if (index.column() == Due)
            return tr("Acknowledge it, and add the case note it needs, by %1 (the handling time "
                      "in office hours from when it was sent).")
                .arg(Display::dateTime(r.dueAt));
        return {};
    case Qt::DecorationRole:
        if (index.column() == Due)
            return Display::dueData(r.dueAt, m_now, role);
        return {};
    case Qt::FontRole:
        if (index.column() == Due)
            return Display::dueData(r.dueAt, m_now, role);
        if (index.column() == Request) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        if (index.column() == Status && r.state != u"acknowledged"_s) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Request || index.column() == Subject)
            return QGuiApplication::palette().color(QPalette::Link); // read as links
        if (index.column() == Due)
            return Display::dueData(r.dueAt, m_now, role);
        return {};
    case RequestIdRole:
        return r.requestId;
    case StepIdRole:
        return r.stepId;
    case SubjectIdRole:
        return r.subjectId;
    default:
        return {};
    }
}

QVariant IncomingRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Subject:
        return tr("Subject");
    case Request:
        return tr("Request");
    case Sent:
        return tr("Date");
    case Due:
        return tr("Due");
    case Status:
        return tr("Status");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace cpis::ui
