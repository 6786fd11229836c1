// Hears the database's change notifications (channel "cpis_changes") on a connection of
// its own, so that open clients refresh what changed. A payload is only a hint.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QObject>

#include <memory>

namespace cpis {

class ChangeListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeListener)

public:
    static constexpr auto kChannel = "cpis_changes";

    explicit ChangeListener(QObject *parent = nullptr);
    ~ChangeListener() override;

    // Opens its own connection and subscribes. Call on the thread that will receive.
    Status listen(const ConnInfo &info);

signals:
    // kind: step, request, case_note, alert; id: the row that changed.
    void changed(const QString &kind, qint64 id);

private:
    std::unique_ptr<Connection> m_connection;
};

} // namespace cpis
