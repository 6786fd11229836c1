// Incoming requests for the signed-in worker, one row per request sent to them or a
// queue they work from: subject, the request as a link, the date sent, and the note.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/workflow_types.h"

#include <QDateTime>

namespace cpis::ui {

class IncomingRequestsModel final : public RowTableModel<IncomingRequest>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncomingRequestsModel)

public:
    enum Column { Subject, Request, Sent, Due, Status, Note, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, StepIdRole, SubjectIdRole };

    explicit IncomingRequestsModel(QObject *parent = nullptr);

    void setRows(const QList<IncomingRequest> &rows);
    [[nodiscard]] int rowOf(qint64 requestId) const;

    // "CS Notification to Allocated Worker - CPIS Follow Up: CPIS Follow Up"
    static QString requestText(const IncomingRequest &request);
    // "Acknowledged · awaiting case note", "Not acknowledged", ...
    static QString statusText(const IncomingRequest &request);

private:
    QDateTime m_now; // when the rows came: due soon and overdue are judged against it
};

} // namespace cpis::ui
