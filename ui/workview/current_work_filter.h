// Sorting and filtering Current work: by folder (Incoming work / work in progress), source,
// overdue, whose work in progress, and text typed into Find. Counts per folder use the same filters
// as the rows.
#pragma once

#include <QSortFilterProxyModel>

namespace cpis::ui {

class CurrentWorkFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurrentWorkFilter)

public:
    explicit CurrentWorkFilter(QObject *parent = nullptr);

    void setState(const QString &state);   // incoming, in_progress; empty: both
    void setSource(const QString &source); // ae, dhu_111; empty: any
    void setOverdueOnly(bool overdueOnly);
    // Hides work in progress that someone else started. Incoming work is everyone's to
    // take, so it always shows.
    void setMineOnly(bool mineOnly, const QString &myName);
    // Keeps rows where any shown column contains the text, ignoring case; empty: all.
    void setSearchText(const QString &text);

    // Rows in that folder that pass every other filter.
    [[nodiscard]] int countFor(const QString &state) const;

signals:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool acceptsIgnoringState(int sourceRow) const;
    bool matchesSearch(int sourceRow) const;
    void changed();

    QString m_state;
    QString m_source;
    bool m_overdueOnly = false;
    bool m_mineOnly = false;
    QString m_myName;
    QString m_searchText;
};

} // namespace cpis::ui
