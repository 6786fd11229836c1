// The workview's Incoming requests (N) folder: requests sent to the worker, each opening
// the summary and document of the step it came from.
#pragma once

#include "workflow/workflow_types.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cpis::ui {

class IncomingRequestsModel;

class IncomingRequestsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncomingRequestsPanel)

public:
    explicit IncomingRequestsPanel(QWidget *parent = nullptr);

    void setRows(const QList<IncomingRequest> &rows);
    [[nodiscard]] IncomingRequestsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

signals:
    void openRequest(const cpis::IncomingRequest &request);
    void openPerson(qint64 personId);

private:
    void openSelected();

    IncomingRequestsModel *m_model;
    QLabel *m_heading = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_person = nullptr;
};

} // namespace cpis::ui
