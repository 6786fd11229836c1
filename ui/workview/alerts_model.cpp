#include "workview/alerts_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

AlertsModel::AlertsModel(QObject *parent) : RowTableModel(parent)
{
    setColumns({
        ColumnSpec([] { return tr("Raised"); },
                   [](const Alert &a) { return Display::dateTime(a.createdAt); }),
        ColumnSpec([] { return tr("Alert"); }, [](const Alert &a) { return a.type; }),
        ColumnSpec([] { return tr("Person"); },
                   [](const Alert &a) {
                       return a.personId ? tr("%1 (%2)").arg(a.personName).arg(a.personId)
                                         : QString();
                   }),
        ColumnSpec([] { return tr("Details"); },
                   [](const Alert &a) { return QString(a.body).replace(u'\n', u' '); })
            .withToolTip([](const Alert &a) { return a.body; }),
    });
    setRowRoles({{AlertIdRole,
                  [](const Alert &a) {
                      return a.id;
                  }},
                 {PersonIdRole, [](const Alert &a) {
                      return a.personId;
                  }}});
}

} // namespace cpis::ui
