// Incoming requests for the signed-in worker, one row per request sent to them or a
// queue they work from: subject, the request as a link, the date sent, and the note.
#pragma once

#include "workflow/workflow_types.h"

#include <QAbstractTableModel>

namespace cpis::ui {

class IncomingRequestsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncomingRequestsModel)

public:
    enum Column { Subject, Request, Sent, Due, Status, Note, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, StepIdRole, SubjectIdRole };

    explicit IncomingRequestsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<IncomingRequest> &rows);
    [[nodiscard]] const QList<IncomingRequest> &rows() const { return m_rows; }
    [[nodiscard]] int rowOf(qint64 requestId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    // "CS Notification to Allocated Worker - CPIS Follow Up: CPIS Follow Up"
    static QString requestText(const IncomingRequest &request);
    // "Acknowledged · awaiting case note", "Not acknowledged", ...
    static QString statusText(const IncomingRequest &request);

private:
    QList<IncomingRequest> m_rows;
    QDateTime m_now; // when the rows came: due soon and overdue are judged against it
};

} // namespace cpis::ui
