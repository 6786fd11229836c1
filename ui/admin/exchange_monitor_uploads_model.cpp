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

ExchangeUploadsModel::ExchangeUploadsModel(QObject *parent) : RowTableModel(parent)
{
    using Upload = MonitorUpload;
    setColumns({
        ColumnSpec([] { return tr("Upload"); },
                   [](const Upload &u) { return QString::number(u.sequenceNumber); }),
        ColumnSpec([] { return tr("Made"); },
                   [](const Upload &u) { return Display::dateTime(u.createdAt); }),
        ColumnSpec([] { return tr("Sent"); },
                   [](const Upload &u) {
                       return u.sentAt.isValid() ? Display::dateTime(u.sentAt) : tr("not yet");
                   }),
        ColumnSpec([] { return tr("Status"); },
                   [](const Upload &u) { return statusText(u.status); }),
        ColumnSpec([] { return tr("Children"); },
                   [](const Upload &u) { return QString::number(u.children); }),
        ColumnSpec([] { return tr("What CP-IS said"); },
                   [](const Upload &u) { return outcomeText(u); })
            .withToolTip([](const Upload &u) { return outcomeText(u); }),
    });
    setRowRoles({{SequenceRole,
                  [](const Upload &u) {
                      return u.sequenceNumber;
                  }},
                 {StatusRole, [](const Upload &u) {
                      return u.status;
                  }}});
}

} // namespace cpis::ui
