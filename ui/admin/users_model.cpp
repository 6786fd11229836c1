#include "admin/users_model.h"

#include "display.h"

using namespace Qt::StringLiterals;

namespace cpis::ui {

UsersModel::UsersModel(QObject *parent) : RowTableModel(parent)
{
    using Row = UserAccount;
    setColumns({
        ColumnSpec([] { return tr("Name"); }, [](const Row &r) { return r.name; }),
        ColumnSpec([] { return tr("Login"); }, [](const Row &r) { return r.login; }),
        ColumnSpec([] { return tr("Team"); }, [](const Row &r) { return r.team; }),
        ColumnSpec([] { return tr("Roles"); },
                   [](const Row &r) {
                       QStringList words;
                       for (const QString &role : r.roles)
                           words << roleInWords(role);
                       return words.isEmpty() ? tr("none") : words.join(u", "_s);
                   }),
        ColumnSpec([] { return tr("Can sign in"); },
                   [](const Row &r) {
                       if (!r.enabled)
                           return tr("No: disabled");
                       return r.mustChangePassword ? tr("Yes, must choose a new password")
                                                   : tr("Yes");
                   })
            .withForeground([](const Row &r) {
                return r.enabled ? QVariant() : QVariant(Display::toneColour(Tone::Problem));
            }),
        ColumnSpec([] { return tr("Last signed in"); },
                   [](const Row &r) {
                       return r.lastSignedIn.isValid()
                                  ? QLocale().toString(r.lastSignedIn.toLocalTime(),
                                                       QLocale::ShortFormat)
                                  : tr("not known");
                   })
            .withSortValue([](const Row &r) { return r.lastSignedIn; }),
    });
    setRowRoles({{LoginRole,
                  [](const Row &r) {
                      return r.login;
                  }},
                 {EnabledRole, [](const Row &r) {
                      return r.enabled;
                  }}});
}

QString UsersModel::roleInWords(const QString &role)
{
    if (role == u"safeguarding-admin"_s)
        return tr("Safeguarding Admin");
    if (role == u"key-worker"_s)
        return tr("Key worker");
    if (role == u"team-manager"_s)
        return tr("Team manager");
    if (role == u"sysadmin"_s)
        return tr("System administrator");
    if (role == u"records-officer"_s)
        return tr("Records officer");
    if (role == u"exchange"_s)
        return tr("CP-IS exchange");
    return role;
}

int UsersModel::rowOf(const QString &login) const
{
    for (int i = 0; i < rows().size(); ++i) {
        if (rows().at(i).login == login)
            return i;
    }
    return -1;
}

} // namespace cpis::ui
