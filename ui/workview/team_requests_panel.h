// For team managers: the team's outstanding requests (not acknowledged, or awaiting a case
// note) with their age, and passing one to another worker when someone is away. Hidden for
// everyone else. Refreshes by itself.
#pragma once

#include "db/database_worker.h"
#include "workflow/team_requests.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace cpis::ui {

class TeamRequestsModel;

class TeamRequestsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamRequestsPanel)

public:
    explicit TeamRequestsPanel(DatabaseThread *database, QWidget *parent = nullptr);

    // Checks whether the worker manages a team; shows and loads the list when they do.
    void start();
    void reload();
    // Passes the selected request to `workerId` (Pass to another worker asks for both).
    void passSelected(int workerId, const QString &reason);
    [[nodiscard]] const QList<TeamRequest> &rows() const;

    // "3 days", "5 hours", "12 minutes"
    static QString ageText(const QDateTime &since, const QDateTime &now);

signals:
    void loaded();
    void passed(qint64 requestId);

private:
    void askAndPass();
    void apply(const QList<TeamRequest> &rows);
    void showMessage(const QString &text, bool problem);
    [[nodiscard]] const TeamRequest *selected() const;

    DatabaseThread *m_database;
    bool m_manager = false;
    QLabel *m_heading = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    TeamRequestsModel *m_model = nullptr;
    QPushButton *m_pass = nullptr;
    QTimer *m_reloadTimer = nullptr;
};

} // namespace cpis::ui
