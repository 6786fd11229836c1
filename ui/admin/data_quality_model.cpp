#include "admin/data_quality_model.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

DataQualityModel::DataQualityModel(QObject *parent) : RowTableModel(parent)
{
    using Row = DataQualityRow;
    setColumns({
        ColumnSpec([] { return tr("Child (person ID)"); },
                   [](const Row &r) { return tr("%1 (%2)").arg(r.name).arg(r.personId); }),
        ColumnSpec([] { return tr("NHS number"); },
                   [](const Row &r) { return r.nhsNumber.isEmpty() ? tr("none") : r.nhsNumber; }),
        ColumnSpec([] { return tr("What is wrong, and what to do"); },
                   [](const Row &r) { return r.detail; })
            .withToolTip([](const Row &r) { return r.detail; }),
    });
    setRowRoles({{PersonIdRole,
                  [](const Row &r) {
                      return r.personId;
                  }},
                 {ListRole, [](const Row &r) {
                      return r.list;
                  }}});
}

} // namespace cpis::ui
