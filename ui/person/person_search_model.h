// The children a person search found: name, person ID, main system ID, date of birth or
// expected date, NHS number, key worker and CP-IS status, for the Find a child table.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/person_search.h"

namespace cpis::ui {

class PersonSearchModel final : public RowTableModel<PersonSearchHit>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonSearchModel)

public:
    enum Column {
        Name,
        PersonId,
        MainSystemId,
        Born,
        NhsNumber,
        KeyWorker,
        CpisStatus,
        ColumnCount
    };
    enum Role { PersonIdRole = Qt::UserRole + 1 };

    explicit PersonSearchModel(QObject *parent = nullptr);

    // The CP-IS status in a few words.
    static QString statusText(const QString &status);
};

} // namespace cpis::ui
