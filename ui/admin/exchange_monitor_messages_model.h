// The exchange monitor's inbound messages: the recent ones, and those quarantined with the
// reason. Status is in words (and a symbol), never colour alone.
#pragma once

#include "cpis/exchange_monitor.h"
#include "kit/row_table_model.h"

namespace cpis::ui {

class ExchangeMessagesModel final : public RowTableModel<MonitorMessage>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeMessagesModel)

public:
    enum Column { Received, Message, Status, Details, ColumnCount };
    enum Role { MessageIdRole = Qt::UserRole + 1, StatusRole };

    explicit ExchangeMessagesModel(QObject *parent = nullptr);

    // "Access to Service Notification", "Acknowledgement", ... ("Unreadable message" when none).
    static QString kindText(const QString &kind);
    // "✔ Processed", "⚠ Quarantined", "Waiting for the exchange", "Resolved".
    static QString statusText(const QString &status);
};

} // namespace cpis::ui
