#include "person/person_search_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

PersonSearchModel::PersonSearchModel(QObject *parent) : RowTableModel(parent)
{
    using Row = PersonSearchHit;
    setColumns({
        ColumnSpec([] { return tr("Name"); },
                   [](const Row &r) {
                       return r.otherNames.isEmpty() ? r.name
                                                     : tr("%1, also %2").arg(r.name, r.otherNames);
                   }),
        ColumnSpec([] { return tr("Person ID"); }, [](const Row &r) { return r.id; }),
        ColumnSpec([] { return tr("Main system ID"); },
                   [](const Row &r) {
                       return r.authorityPersonId.isEmpty() ? tr("none") : r.authorityPersonId;
                   }),
        ColumnSpec([] { return tr("Date of birth or expected"); },
                   [](const Row &r) {
                       return r.dateOfBirth.isValid()
                                  ? Display::date(r.dateOfBirth)
                                  : tr("expected %1").arg(Display::date(r.expectedDelivery));
                   }),
        ColumnSpec([] { return tr("NHS number"); },
                   [](const Row &r) { return r.nhsNumber.isEmpty() ? tr("none") : r.nhsNumber; }),
        ColumnSpec([] { return tr("Key worker"); },
                   [](const Row &r) { return r.keyWorker.isEmpty() ? tr("none") : r.keyWorker; }),
        ColumnSpec([] { return tr("CP-IS status"); },
                   [](const Row &r) { return statusText(r.cpisStatus); }),
    });
    setRowRoles({{PersonIdRole, [](const Row &r) {
                      return r.id;
                  }}});
}

QString PersonSearchModel::statusText(const QString &status)
{
    if (status == u"shared"_s)
        return tr("Shared");
    if (status == u"sent"_s)
        return tr("Sent");
    if (status == u"awaiting_upload"_s)
        return tr("Awaiting upload");
    if (status == u"rejected"_s)
        return tr("Rejected");
    if (status == u"blocked"_s)
        return tr("Not shared: details missing");
    if (status == u"ended_at_18"_s)
        return tr("Ended at 18");
    return tr("Not shared");
}

} // namespace cpis::ui
