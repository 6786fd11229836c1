// The Help menu, for every user: the help page for the signed-in user's procedure (F1),
// each procedure's page, and About CP-IS Workview. One help window and one About dialog.
#pragma once

#include "help/help_topic.h"

#include <QObject>
#include <QPointer>

class QMenu;

namespace cpis::ui {

class AboutDialog;
class HelpWindow;
class MainWindow;

class HelpMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpMenu)

public:
    explicit HelpMenu(MainWindow *window);

    HelpWindow *openHelp(HelpTopic topic);
    // F1: the page for the signed-in user's role.
    void openHelpForRole();
    AboutDialog *openAbout();

private:
    MainWindow *m_window = nullptr;
    QMenu *m_menu = nullptr;
    QPointer<HelpWindow> m_help;
    QPointer<AboutDialog> m_about;
};

} // namespace cpis::ui
