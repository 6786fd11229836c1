// Help → Keyboard shortcuts: every window's keys, read from the windows' own actions.
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace cpis::ui {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    struct Group
    {
        QString window;
        QList<QAction *> actions;
    };
    // The actions listed, by the window they work in: for tests.
    [[nodiscard]] const QList<Group> &groups() const { return m_groups; }

private:
    template<typename Keys> void addGroup(const QString &window, QAction *alsoListed = nullptr);

    QList<Group> m_groups;
    QTreeWidget *m_list = nullptr;
};

} // namespace cpis::ui
