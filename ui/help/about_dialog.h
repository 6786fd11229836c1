// Help → About CP-IS Workview: the program and Qt versions, and what the client is
// connected to (server, database, server and schema versions, the signed-in login), read
// from the live connection on the database thread.
#pragma once

#include "db/connection_details.h"

#include <QDialog>

class QFormLayout;
class QLabel;

namespace cpis {
class DatabaseThread;
}

namespace cpis::ui {

class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(DatabaseThread *database, QWidget *parent = nullptr);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }

signals:
    void loaded();

private:
    void showDetails(const Result<ConnectionDetails> &details);
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &name);

    bool m_loaded = false;
    QLabel *m_server = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_serverVersion = nullptr;
    QLabel *m_schema = nullptr;
    QLabel *m_login = nullptr;
};

} // namespace cpis::ui
