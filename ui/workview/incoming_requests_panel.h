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
    // When empty, only the heading line shows (a Safeguarding Admin rarely gets requests).
    void setCollapseWhenEmpty(bool collapse);
    [[nodiscard]] IncomingRequestsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

signals:
    void openRequest(const cpis::IncomingRequest &request);
    void openPerson(qint64 personId);

private:
    void openSelected();
    void applyCollapse();
    // The selected request's whole note, below the list.
    void showNote();

    IncomingRequestsModel *m_model;
    QLabel *m_heading = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_person = nullptr;
    QLabel *m_note = nullptr;
    bool m_collapseWhenEmpty = false;
};

} // namespace cpis::ui
