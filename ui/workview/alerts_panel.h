// The workview's Alerts (N): the worker's open alerts, and their team's and role's, each
// acknowledged on its own (the database records who and when). Refreshes by itself.
#pragma once

#include "db/database_worker.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace cpis::ui {

class AlertsModel;

class AlertsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)

public:
    explicit AlertsPanel(DatabaseThread *database, QWidget *parent = nullptr);

    void reload();
    void acknowledgeSelected();
    // When there are no alerts, only the heading line shows.
    void setCollapseWhenEmpty(bool collapse);
    [[nodiscard]] AlertsModel *model() const { return m_model; }

signals:
    void loaded();

private:
    void updateActions();
    void applyCollapse();
    void showMessage(const QString &text);

    DatabaseThread *m_database;
    AlertsModel *m_model;
    QLabel *m_heading = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QTimer *m_reloadTimer = nullptr;
    bool m_collapseWhenEmpty = false;
    bool m_started = false;
    bool m_busy = false;
};

} // namespace cpis::ui
