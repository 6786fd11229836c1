#include "admin/exchange_monitor_messages_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

QString ExchangeMessagesModel::kindText(const QString &kind)
{
    if (kind == u"access_notification"_s)
        return tr("Access to Service Notification");
    if (kind == u"acknowledgement"_s)
        return tr("Acknowledgement of an upload");
    if (kind == u"inactive_nhs_number"_s)
        return tr("Inactive NHS number");
    if (kind == u"mesh_report"_s)
        return tr("MESH report");
    if (kind == u"upload"_s)
        return tr("Upload (sent back to us)");
    return kind.isEmpty() ? tr("Not read") : kind;
}

QString ExchangeMessagesModel::statusText(const QString &status)
{
    if (status == u"processed"_s)
        return tr("\u2714 Processed");
    if (status == u"quarantined"_s)
        return tr("\u26a0 Quarantined");
    if (status == u"received"_s)
        return tr("Waiting for the exchange");
    if (status == u"resolved"_s)
        return tr("\u2714 Resolved");
    return status;
}

QVariant ExchangeMessagesModel::data(const QModelIndex &index, int role) const
{
    const MonitorMessage *row = rowAt(index);
    if (!row)
        return {};
    const MonitorMessage &m = *row;
    const QString details = m.status == u"quarantined"_s ? m.reason
                            : m.status == u"resolved"_s  ? tr("Resolved: %1").arg(m.resolvedNote)
                                                         : m.outcome;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Received:
            return Display::dateTime(m.receivedAt);
        case Message: {
            // A message quarantined before it could be read has no kind.
            const QString what = m.kind.isEmpty()
                                     ? tr("Message %1").arg(m.id)
                                     : tr("%1 · message %2").arg(kindText(m.kind)).arg(m.id);
            return m.fileName.isEmpty() ? what : tr("%1 (%2)").arg(what, m.fileName);
        }
        case Status:
            return statusText(m.status);
        case Details:
            return QString(details).replace(u'\n', u' ');
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Details ? QVariant(details) : QVariant();
    case MessageIdRole:
        return m.id;
    case StatusRole:
        return m.status;
    default:
        return {};
    }
}

QVariant ExchangeMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case Message:
        return tr("Message");
    case Status:
        return tr("Status");
    case Details:
        return tr("What it became, or why not");
    default:
        return {};
    }
}

} // namespace cpis::ui
