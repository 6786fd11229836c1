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
    QStringList sharedPlans; // plan kinds: CPP, UCPP and DfE legal-status codes such as C2
    // The sending authority, shown to clinicians beside every flag: its ODS code, its name
    // and its telephone numbers in and out of office hours (as typed: digits, spaces, +).
    QString authorityOds;
    QString authorityName;
    QString phoneOfficeHours;
    QString phoneOutOfHours;
    QString schemaDir; // cpis.schema_dir: the DMS schemas to validate against; empty: none
    QString recordsImportFolder; // records.import_folder: the records feed's files; empty: none
    QString cpisMailbox;         // where uploads go
    QString uploadWorkflow;      // the workflow id NHS England assigned for uploads
    QList<QTime> times;          // exchange.times
    MeshSettings mesh;
    // Secrets still stored in clear (set before they were sealed, issue 18): used as they are,
    // and named so the exchange can ask for them to be set again.
    QStringList clearSecrets;
};

// The first of the sending authority's settings (cpis.authority_ods, cpis.authority_name,
// cpis.phone_office_hours, cpis.phone_out_of_hours) that is empty; empty when all are set.
// Without them no upload is built.
QString missingAuthoritySetting(const ExchangeConfig &config);

// A telephone number as sent: its digits, and a leading + kept.
QString phoneForSending(const QString &typed);

// Everything the exchange needs, secrets included (the exchange account may read them), the
// sealed ones opened with the private key in exchangeKeyFile() (domain/sealed_secret.h). A key
// that is missing or does not open them is not an error here: it is mesh.secretsUnopened, so
// stored messages are still processed while nothing is sent or received.
Result<ExchangeConfig> loadExchangeConfig(Connection &connection);

} // namespace cpis
