// What the exchange makes of the stored settings: the CP-IS handling, the upload's
// addressing, the schedule and the MESH mailbox. The settings themselves: config/config_store.h.
#pragma once

#include "cpis/mesh_settings.h"
#include "db/connection.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace cpis {

struct ExchangeConfig
{
    QString handlingMode = QStringLiteral("work_step"); // or case_note_and_alert
    QString handlingTarget;                             // worker or team for case_note_and_alert
    QStringList sharedPlans;
    QString authorityOds;
    QString authorityName;    // shown to clinicians beside every flag
    QString phoneOfficeHours; // the numbers clinicians ring about a flagged child
    QString phoneOutOfHours;  // the emergency duty team
    QString cpisMailbox;      // where uploads go
    QString uploadWorkflow;   // the workflow id NHS England assigned for uploads
    QList<QTime> times;       // exchange.times
    MeshSettings mesh;
};

// Everything the exchange needs, secrets included (the exchange account may read them).
Result<ExchangeConfig> loadExchangeConfig(Connection &connection);

} // namespace cpis
