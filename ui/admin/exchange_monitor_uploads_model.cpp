#include "admin/exchange_monitor_uploads_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

QString ExchangeUploadsModel::statusText(const QString &status)
{
    if (status == u"ready"_s)
        return tr("Waiting to be sent");
    if (status == u"sent"_s)
        return tr("Sent · awaiting acknowledgement");
    if (status == u"acknowledged"_s)
        return tr("\u2714 Acknowledged");
    if (status == u"failed"_s)
        return tr("\u2716 Failed");
    if (status == u"resend"_s)
        return tr("\u21bb To be sent again");
    return status;
}

QString ExchangeUploadsModel::outcomeText(const MonitorUpload &upload)
{
    QStringList parts;
    if (!upload.detail.isEmpty())
        parts << upload.detail;
    else if (!upload.fileCode.isEmpty())
        parts << upload.fileCode;
    if (upload.rejected > 0)
        parts << tr("%1 of %2 child(ren) rejected").arg(upload.rejected).arg(upload.children);
    return parts.join(u" · "_s);
}

QVariant ExchangeUploadsModel::data(const QModelIndex &index, int role) const
{
    const MonitorUpload *row = rowAt(index);
    if (!row)
        return {};
    const MonitorUpload &u = *row;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Sequence:
            return QString::number(u.sequenceNumber);
        case Created:
            return Display::dateTime(u.createdAt);
        case Sent:
            return u.sentAt.isValid() ? Display::dateTime(u.sentAt) : tr("not yet");
        case Status:
            return statusText(u.status);
        case Children:
            return QString::number(u.children);
        case Outcome:
            return outcomeText(u);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Outcome ? QVariant(outcomeText(u)) : QVariant();
    case SequenceRole:
        return u.sequenceNumber;
    case StatusRole:
        return u.status;
    default:
        return {};
    }
}

QVariant ExchangeUploadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Sequence:
        return tr("Upload");
    case Created:
        return tr("Made");
    case Sent:
        return tr("Sent");
    case Status:
        return tr("Status");
    case Children:
        return tr("Children");
    case Outcome:
        return tr("What CP-IS said");
    default:
        return {};
    }
}

} // namespace cpis::ui
