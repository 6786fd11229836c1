// Which children in CP-IS scope health staff cannot see flagged, and why: the matched share
// against the 95% CP-IS requires, and the lists behind it.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QByteArrayList>
#include <QList>

namespace cpis {

struct DataQualityRow
{
    QString list; // no_nhs_number, fails_check, rejected, inactive, unborn_past_due, name_changed
    qint64 personId = 0;
    QString name;
    QString nhsNumber;
    QString detail; // the reason in words
};

struct DataQualityReport
{
    int inScope = 0;   // children on a current shared plan
    int matched = 0;   // accepted by CP-IS with their NHS number
    int notListed = 0; // children with a problem whose records the caller may not open
    QList<DataQualityRow> rows;
    static constexpr double kRequiredShare = 95.0;
    [[nodiscard]] double matchedPercent() const
    {
        return inScope == 0 ? 100.0 : 100.0 * matched / inScope;
    }
    // One decimal, rounded down: 94.96% reads 94.9%, never a 95.0% that is not enough.
    [[nodiscard]] QString matchedPercentText() const;
    [[nodiscard]] QList<DataQualityRow> list(const QString &name) const;
    // The CSV file, a header line then one line per row.
    [[nodiscard]] QByteArrayList csvLines() const;
    [[nodiscard]] QByteArray toCsv() const { return csvLines().join(); }

    static QString listTitle(const QString &list);      // English, as in files and cpisctl
    static QString shownListTitle(const QString &list); // in the user's language
    static const QStringList &lists();
};

Result<DataQualityReport> loadDataQuality(Connection &connection);

} // namespace cpis
