// The people who can sign in to the embedded database: its users with their names, teams
// and roles, for the sign-in screen to offer.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QList>
#include <QString>

namespace cpis {

struct SignInUser
{
    QString login;
    QString name;
    QString team;
    QString role; // "Safeguarding Admin", "Key worker", ...
};

// Safeguarding Admin first, then the other roles; in the order they were added within each.
Result<QList<SignInUser>> listSignInUsers(Connection &connection);

} // namespace cpis
