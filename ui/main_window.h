// The client's main window: the workview, with where it is connected in the status bar.
#pragma once

#include "db/database_worker.h"

#include <QMainWindow>
#include <QThread>

class QLabel;
class QMessageBox;

namespace cpis::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(DatabaseChoice choice, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects (and migrates) on the database thread; answers with ready() or failed().
    void connectToDatabase();

signals:
    void ready();
    void failed(const cpis::Error &error);

private:
    void showConnected(const cpis::ConnectionSummary &summary);
    void showFailure(const cpis::Error &error);

    DatabaseChoice m_choice;
    QThread m_databaseThread;
    DatabaseWorker *m_worker = nullptr; // lives on m_databaseThread
    QLabel *m_heading = nullptr;
    QLabel *m_body = nullptr;
    QLabel *m_readOnlyBanner = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QMessageBox *m_errorDialog = nullptr;
};

} // namespace cpis::ui
