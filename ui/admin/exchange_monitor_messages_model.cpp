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

ExchangeMessagesModel::ExchangeMessagesModel(QObject *parent) : RowTableModel(parent)
{
    using Message = MonitorMessage;
    // Why it was quarantined (or is still waiting), how it was resolved, or what it became.
    const auto details = [](const Message &m) {
        return m.status == u"quarantined"_s || m.status == u"received"_s ? m.reason
               : m.status == u"resolved"_s ? tr("Resolved: %1").arg(m.resolvedNote)
                                           : m.outcome;
    };
    setColumns({
        ColumnSpec([] { return tr("Received"); },
                   [](const Message &m) { return Display::dateTime(m.receivedAt); }),
        ColumnSpec([] { return tr("Message"); },
                   [](const Message &m) {
                       // A message quarantined before it could be read has no kind.
                       const QString what =
                           m.kind.isEmpty() ? tr("Message %1").arg(m.id)
                                            : tr("%1 · message %2").arg(kindText(m.kind)).arg(m.id);
                       return m.fileName.isEmpty() ? what : tr("%1 (%2)").arg(what, m.fileName);
                   }),
        ColumnSpec([] { return tr("Status"); },
                   [](const Message &m) { return statusText(m.status); }),
        ColumnSpec([] { return tr("What it became, or why not"); },
                   [details](const Message &m) { return details(m).replace(u'\n', u' '); })
            .withToolTip(details),
    });
    setRowRoles({{MessageIdRole,
                  [](const Message &m) {
                      return m.id;
                  }},
                 {StatusRole, [](const Message &m) {
                      return m.status;
                  }}});
}

} // namespace cpis::ui
