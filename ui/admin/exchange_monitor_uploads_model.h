// The exchange monitor's recent uploads to CP-IS: sequence number, when, status in words,
// how many children and what CP-IS said.
#pragma once

#include "cpis/exchange_monitor.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class ExchangeUploadsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeUploadsModel)

public:
    enum Column { Sequence, Created, Sent, Status, Children, Outcome, ColumnCount };
    enum Role { SequenceRole = Qt::UserRole + 1, StatusRole };

    explicit ExchangeUploadsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<MonitorUpload> &rows);
    [[nodiscard]] const QList<MonitorUpload> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    static QString statusText(const QString &status);
    static QString outcomeText(const MonitorUpload &upload);

private:
    QList<MonitorUpload> m_rows;
};

} // namespace cpis::ui
