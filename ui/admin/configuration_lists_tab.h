// The Configuration tools' Lists and templates tab: the items of each editable list (saved as
// they are changed; retired, never deleted) and the note templates (saved with Save).
#pragma once

#include "db/database_worker.h"
#include "workflow/list_admin.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cpis::ui {

class ConfigurationFields;
class ListItemsModel;

class ConfigurationListsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationListsTab)

public:
    ConfigurationListsTab(DatabaseThread *database, ConfigurationFields *fields);

    // Every list's items; the chosen list's are shown, keeping the selected item.
    void setItems(const QList<ListItem> &items);

signals:
    // An item was added, renamed, retired or moved; `done` says which.
    void changed(const QString &done);

private:
    void showList();
    [[nodiscard]] QString currentList() const;
    [[nodiscard]] QString selectedItem() const;
    void moveSelected(int by);
    void change(const std::function<Status(ListAdmin &)> &change, const QString &done);

    DatabaseThread *m_database;
    QList<ListItem> m_allItems;
    QComboBox *m_listChoice = nullptr;
    ListItemsModel *m_items = nullptr;
    QTableView *m_itemsView = nullptr;
    QLineEdit *m_itemName = nullptr;
    QLabel *m_listError = nullptr;
};

} // namespace cpis::ui
