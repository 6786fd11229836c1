// The exchange monitor's recent uploads to CP-IS: sequence number, when, status in words,
// how many children and what CP-IS said.
#pragma once

#include "cpis/exchange_monitor.h"
#include "kit/row_table_model.h"

namespace cpis::ui {

class ExchangeUploadsModel final : public RowTableModel<MonitorUpload>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeUploadsModel)

public:
    enum Column { Sequence, Created, Sent, Status, Children, Outcome, ColumnCount };
    enum Role { SequenceRole = Qt::UserRole + 1, StatusRole };

    explicit ExchangeUploadsModel(QObject *parent = nullptr);

    static QString statusText(const QString &status);
    static QString outcomeText(const MonitorUpload &upload);
};

} // namespace cpis::ui
