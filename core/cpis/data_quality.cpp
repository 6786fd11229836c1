#include "cpis/data_quality.h"

#include "db/rows.h"
#include "domain/csv.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cpis {

const QStringList &DataQualityReport::lists()
{
    static const QStringList names{u"no_nhs_number"_s, u"fails_check"_s,     u"rejected"_s,
                                   u"inactive"_s,      u"unborn_past_due"_s, u"name_changed"_s};
    return names;
}

QString DataQualityReport::listTitle(const QString &list)
{
    if (list == u"no_nhs_number"_s)
        return QString::fromLatin1(QT_TRANSLATE_NOOP("cpis::DataQualityReport", "No NHS number"));
    if (list == u"fails_check"_s)
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("cpis::DataQualityReport", "NHS number fails the check"));
    if (list == u"rejected"_s)
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("cpis::DataQualityReport", "Rejected by CP-IS"));
    if (list == u"inactive"_s)
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("cpis::DataQualityReport", "NHS number inactive"));
    if (list == u"unborn_past_due"_s)
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("cpis::DataQualityReport", "Unborn children past their due date"));
    return QString::fromLatin1(
        QT_TRANSLATE_NOOP("cpis::DataQualityReport", "Legal name changed since the last upload"));
}

QString DataQualityReport::shownListTitle(const QString &list)
{
    return QCoreApplication::translate("cpis::DataQualityReport", listTitle(list).toLatin1());
}

QString DataQualityReport::matchedPercentText() const
{
    return QString::number(std::floor(matchedPercent() * 10.0 + 1e-9) / 10.0, 'f', 1);
}

QList<DataQualityRow> DataQualityReport::list(const QString &name) const
{
    QList<DataQualityRow> found;
    std::copy_if(rows.cbegin(), rows.cend(), std::back_inserter(found),
                 [&](const DataQualityRow &r) { return r.list == name; });
    return found;
}

QByteArrayList DataQualityReport::csvLines() const
{
    QByteArrayList lines{"list,person_id,name,nhs_number,detail\n"};
    lines.reserve(rows.size() + 1);
    for (const DataQualityRow &r : rows) {
        lines.append((QStringList{csvField(listTitle(r.list)), QString::number(r.personId),
                                  csvField(r.name), csvField(r.nhsNumber), csvField(r.detail)}
                          .join(u',') +
                      u'\n')
                         .toUtf8());
    }
    return lines;
}

Result<DataQualityReport> loadDataQuality(Connection &connection)
{
    DataQualityReport report;
    // The functions (migration 0015) check the caller may see the figures.
    auto counts =
        execute(connection, u"SELECT in_scope, matched, not_listed FROM data_quality_summary()"_s);
    if (!counts)
        return counts.error();
    for (const Row &c : *counts) {
        report.inScope = int(c.integer("in_scope"));
        report.matched = int(c.integer("matched"));
        report.notListed = int(c.integer("not_listed"));
    }
    auto rows = execute(
        connection, u"SELECT list, person_id, name, nhs_number, detail FROM data_quality_rows()"_s);
    if (!rows)
        return rows.error();
    for (const Row &r : *rows) {
        report.rows.append({r.text("list"), r.integer("person_id"), r.text("name"),
                            r.text("nhs_number"), r.text("detail")});
    }
    return report;
}

} // namespace cpis
