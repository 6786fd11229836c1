// The users for Administration → Users: login, name, team, roles, whether they can sign in,
// their last sign-in.
#pragma once

#include "kit/row_table_model.h"
#include "workflow/user_admin.h"

namespace cpis::ui {

class UsersModel final : public RowTableModel<UserAccount>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersModel)

public:
    enum Column { Name, Login, Team, Roles, Enabled, LastSignIn, ColumnCount };
    enum Role { LoginRole = Qt::UserRole + 1, EnabledRole };

    explicit UsersModel(QObject *parent = nullptr);

    // A role's name in words ("sysadmin" → "System administrator").
    static QString roleInWords(const QString &role);
    // The row of that login, or -1.
    [[nodiscard]] int rowOf(const QString &login) const;
};

} // namespace cpis::ui
