// Shows one data-quality list at a time from the model of all of them.
#pragma once

#include <QSortFilterProxyModel>

namespace cpis::ui {

class DataQualityFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataQualityFilter)

public:
    explicit DataQualityFilter(QObject *parent = nullptr) : QSortFilterProxyModel(parent) {}

    // A name from DataQualityReport::lists(); empty shows every row.
    void setList(const QString &list);
    [[nodiscard]] const QString &list() const { return m_list; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;

private:
    QString m_list;
};

} // namespace cpis::ui
