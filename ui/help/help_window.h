// The help window: the page for one procedure in a QTextBrowser, with buttons to switch
// between the Safeguarding Admin's and the key worker's page.
#pragma once

#include "help/help_topic.h"

#include <QWidget>

class QPushButton;
class QTextBrowser;

namespace cpis::ui {

class HelpWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpWindow)

public:
    explicit HelpWindow(QWidget *parent = nullptr);

    void showTopic(HelpTopic topic);
    [[nodiscard]] HelpTopic topic() const { return m_topic; }
    // The resource path of the page shown, e.g. ":/help/en_GB/admin.html".
    [[nodiscard]] QString page() const { return m_page; }

private:
    HelpTopic m_topic = HelpTopic::KeyWorker;
    QString m_page;
    QTextBrowser *m_browser = nullptr;
    QPushButton *m_admin = nullptr;
    QPushButton *m_keyWorker = nullptr;
};

} // namespace cpis::ui
