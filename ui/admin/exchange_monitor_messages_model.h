// The exchange monitor's inbound messages: the recent ones, and those quarantined with the
// reason. Status is in words (and a symbol), never colour alone.
#pragma once

#include "admin/exchange_monitor_rows_model.h"
#include "cpis/exchange_monitor.h"

namespace cpis::ui {

class ExchangeMessagesModel final : public MonitorRowsModel<MonitorMessage>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeMessagesModel)

public:
    enum Column { Received, Message, Status, Details, ColumnCount };
    enum Role { MessageIdRole = Qt::UserRole + 1, StatusRole };

    explicit ExchangeMessagesModel(QObject *parent = nullptr)
        : MonitorRowsModel(ColumnCount, parent)
    {}

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    // "Access to Service Notification", "Acknowledgement", ... ("Unreadable message" when none).
    static QString kindText(const QString &kind);
    // "✔ Processed", "⚠ Quarantined", "Waiting for the exchange", "Resolved".
    static QString statusText(const QString &status);
};

} // namespace cpis::ui
