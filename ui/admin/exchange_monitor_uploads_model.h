// The exchange monitor's recent uploads to CP-IS: sequence number, when, status in words,
// how many children and what CP-IS said.
#pragma once

#include "admin/exchange_monitor_rows_model.h"
#include "cpis/exchange_monitor.h"

namespace cpis::ui {

class ExchangeUploadsModel final : public MonitorRowsModel<MonitorUpload>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeUploadsModel)

public:
    enum Column { Sequence, Created, Sent, Status, Children, Outcome, ColumnCount };
    enum Role { SequenceRole = Qt::UserRole + 1, StatusRole };

    explicit ExchangeUploadsModel(QObject *parent = nullptr) : MonitorRowsModel(ColumnCount, parent)
    {}

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    static QString statusText(const QString &status);
    static QString outcomeText(const MonitorUpload &upload);
};

} // namespace cpis::ui
