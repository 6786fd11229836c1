// One table model for every list the screens show: rows of a value type, and a column table
// saying, per column, its heading and what each cell shows (text, tooltip, colour, font,
// icon, alignment, sort value, accessible text). A model is its column table plus the roles
// it adds for its rows (ids, states).
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace cpis::ui {

// One column: its heading and its cells, set by name:
//   ColumnSpec(heading, display).withToolTip(...).withForeground(...)
// A hook left empty leaves the role to `otherRoles`, then to the model's row roles.
template<typename Row> struct TableColumn
{
    using Value = std::function<QVariant(const Row &)>;
    using AnyRole = std::function<QVariant(const Row &, int role)>;

    // `header` is asked each time, so that it follows the interface language.
    explicit TableColumn(std::function<QString()> header, Value display = nullptr)
        : header(std::move(header)), display(std::move(display))
    {}
    TableColumn &withToolTip(Value value) { return set(toolTip, std::move(value)); }
    TableColumn &withForeground(Value value) { return set(foreground, std::move(value)); }
    TableColumn &withFont(Value value) { return set(font, std::move(value)); }
    TableColumn &withDecoration(Value value) { return set(decoration, std::move(value)); }
    TableColumn &withAccessibleText(Value value) { return set(accessibleText, std::move(value)); }
    // The model's sort role; unset: the displayed text, lower case.
    TableColumn &withSortValue(Value value) { return set(sortValue, std::move(value)); }
    TableColumn &withAlignment(Qt::Alignment value)
    {
        alignment = value;
        return *this;
    }
    // Any role the hooks above leave (e.g. everything a Due cell shows, from one function).
    TableColumn &withOtherRoles(AnyRole value)
    {
        otherRoles = std::move(value);
        return *this;
    }

    std::function<QString()> header;
    Value display;
    Value toolTip;
    Value foreground;
    Value font;
    Value decoration;
    Value accessibleText;
    Value sortValue;
    std::optional<Qt::Alignment> alignment;
    AnyRole otherRoles;

private:
    TableColumn &set(Value &hook, Value value)
    {
        hook = std::move(value);
        return *this;
    }
};

template<typename Row> class RowTableModel : public QAbstractTableModel
{
public:
    using ColumnSpec = TableColumn<Row>;
    using Columns = QList<ColumnSpec>;
    using RowRoles = QHash<int, std::function<QVariant(const Row &)>>;

    explicit RowTableModel(QObject *parent) : QAbstractTableModel(parent) {}

    // Replaces every row (a model reset).
    void setRows(const QList<Row> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    // Adds rows at the end (a page more), keeping the selection of the rows already shown.
    void appendRows(const QList<Row> &rows)
    {
        if (rows.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }
    // The row behind a valid index of this model, or null.
    [[nodiscard]] const Row *rowAt(const QModelIndex &index) const
    {
        return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
    }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        const Row *row = rowAt(index);
        if (!row || index.column() >= m_columns.size())
            return {};
        return cell(*row, m_columns.at(index.column()), role);
    }

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        if (section < 0 || section >= m_columns.size() || !m_columns.at(section).header)
            return {};
        return m_columns.at(section).header();
    }

protected:
    // The columns, in the order of the model's `enum Column`.
    void setColumns(Columns columns) { m_columns = std::move(columns); }
    // Roles of the whole row (ids, states), the same in every column.
    void setRowRoles(RowRoles roles) { m_rowRoles = std::move(roles); }
    // The role a sorting proxy reads (each column's sortValue).
    void setSortRole(int role) { m_sortRole = role; }
    // For models that update rows in place (begin/end the changes around it).
    [[nodiscard]] QList<Row> &mutableRows() { return m_rows; }

private:
    [[nodiscard]] QVariant cell(const Row &row, const TableColumn<Row> &column, int role) const
    {
        const typename TableColumn<Row>::Value *hook = nullptr;
        switch (role) {
        case Qt::DisplayRole:
            hook = &column.display;
            break;
        case Qt::ToolTipRole:
            hook = &column.toolTip;
            break;
        case Qt::ForegroundRole:
            hook = &column.foreground;
            break;
        case Qt::FontRole:
            hook = &column.font;
            break;
        case Qt::DecorationRole:
            hook = &column.decoration;
            break;
        case Qt::AccessibleTextRole:
            hook = &column.accessibleText;
            break;
        case Qt::TextAlignmentRole:
            if (column.alignment)
                return QVariant::fromValue(*column.alignment);
            break;
        default:
            if (m_sortRole && role == *m_sortRole) {
                if (column.sortValue)
                    return column.sortValue(row);
                return cell(row, column, Qt::DisplayRole).toString().toLower();
            }
            break;
        }
        if (hook && *hook)
            return (*hook)(row);
        if (column.otherRoles) {
            QVariant value = column.otherRoles(row, role);
            if (value.isValid())
                return value;
        }
        const auto rowRole = m_rowRoles.constFind(role);
        return rowRole != m_rowRoles.cend() ? (*rowRole)(row) : QVariant();
    }

    Columns m_columns;
    RowRoles m_rowRoles;
    std::optional<int> m_sortRole;
    QList<Row> m_rows;
};

} // namespace cpis::ui
