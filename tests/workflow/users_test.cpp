// Users for real (issue 21) against a real database: a system administrator lists, disables,
// enables, resets the password of and changes the roles of users, each audited; what nobody
// may do (themselves, the exchange's login, the owner, a login of no worker here, a clear
// password) is refused by the database and changes nothing; a disabled user cannot connect and
// their open steps stay in their colleagues' workview; a one-time password must be changed.
#include "db/error_codes.h"
#include "db/rows.h"
#include "support/case_world.h"
#include "support/security_checks.h"
#include "workflow/step_service.h"
#include "workflow/user_admin.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {
int auditCount(Connection &owner, const QString &action, const QString &login)
{
    return countOf(owner,
                   u"SELECT count(*) FROM audit WHERE action = $1 AND details->>'login' = $2"_s,
                   {action, login});
}

bool canLogIn(Connection &owner, const QString &login)
{
    return valueOf(owner, u"SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"_s, {login})
        .boolean();
}

QString codeOf(const Status &status)
{
    return status ? u"done"_s : status.error().code;
}
} // namespace

TEST_CASE("A system administrator lists the users with team, roles and whether they can sign in",
          "[workflow][users]")
{
    TestDatabase db;
    CaseWorld world(db);
    auto sysadmin = world.connectAs(world.sysadmin);
    const auto users = require(UserAdmin(*sysadmin).list());
    const auto jane = std::find_if(users.cbegin(), users.cend(), [&](const UserAccount &u) {
        return u.login == world.keyWorker.login;
    });
    REQUIRE(jane != users.cend());
    CHECK(jane->name == u"Jane Okafor"_s);
    CHECK(jane->team == u"Child Protection North"_s);
    CHECK(jane->roles == QStringList{u"key-worker"_s});
    CHECK(jane->enabled);
    CHECK_FALSE(jane->mustChangePassword);
    CHECK_FALSE(jane->lastSignedIn.isValid());
    // No virtual worker (CP-IS Worker) is a user.
    CHECK(std::none_of(users.cbegin(), users.cend(),
                       [](const UserAccount &u) { return u.login.isEmpty(); }));

    // Signing in is stamped, and shows in the list.
    CHECK_FALSE(require(UserAdmin(*world.connectAs(world.keyWorker)).signedIn()));
    CHECK(require(UserAdmin(*sysadmin).find(world.keyWorker.login)).lastSignedIn.isValid());

    const auto refused = UserAdmin(*world.connectAs(world.manager)).list();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == QString::fromLatin1(errc::kDenied));
    CHECK(refused.error().message == u"Only system administrators can list users."_s);
}

TEST_CASE("Disabling a user stops their login and keeps their open steps in view for colleagues "
          "to take over, and enabling lets them back",
          "[workflow][users]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    require(StepService(*world.connectAs(world.admin)).start(world.stepId));

    require(UserAdmin(*sysadmin).disable(world.admin.login));
    CHECK_FALSE(canLogIn(owner, world.admin.login));
    CHECK_FALSE(valueOf(owner, u"SELECT active FROM worker WHERE id = $1"_s, {world.admin.workerId})
                    .boolean());
    CHECK(auditCount(owner, u"user.disabled"_s, world.admin.login) == 1);
    CHECK_FALSE(require(UserAdmin(*sysadmin).find(world.admin.login)).enabled);
    // The login cannot connect any more.
    ConnInfo asAdmin = db.connInfo();
    asAdmin.set(u"user"_s, world.admin.login);
    const auto connected = Connection::open(asAdmin);
    REQUIRE_FALSE(connected);
    CHECK(connected.error().message.contains(u"not permitted to log in"_s));

    // The step Sam Admin started is still in CP-IS Worker's Current work, and a colleague takes
    // it over.
    auto colleague = world.connectAs(world.otherAdmin);
    const Worker cpisWorker = require(WorkerDirectory(*colleague).byId(world.cpisWorkerId));
    const Workview view = require(loadWorkview(*colleague, cpisWorker));
    const auto held =
        std::find_if(view.currentWork.cbegin(), view.currentWork.cend(),
                     [&](const CurrentWorkItem &i) { return i.stepId == world.stepId; });
    REQUIRE(held != view.currentWork.cend());
    CHECK(held->state == u"in_progress"_s);
    CHECK(held->startedBy == u"Sam Admin"_s);
    CHECK(StepService(*colleague).takeOver(world.stepId).ok());

    require(UserAdmin(*sysadmin).enable(world.admin.login));
    CHECK(canLogIn(owner, world.admin.login));
    CHECK(auditCount(owner, u"user.enabled"_s, world.admin.login) == 1);
    CHECK(world.connectAs(world.admin) != nullptr);
    CHECK(require(UserAdmin(*sysadmin).find(world.admin.login)).enabled);
}

TEST_CASE("What no system administrator may do to a login is refused by the database and changes "
          "nothing",
          "[workflow][users]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    UserAdmin users(*sysadmin);
    const QString ownerLogin = owner.currentUser();
    LoneLogin stranger(owner, u"cpis_key_worker"_s); // a login with a role but no worker here
    const std::string before = fingerprint(owner);

    struct Refusal
    {
        const char *what;
        Status status;
        QString code;
        QString says;
    };
    const QList<Refusal> refusals{
        {"disable oneself", users.disable(world.sysadmin.login), u"denied"_s,
         u"You cannot disable your own login"_s},
        {"remove one's own sysadmin role",
         [&]() -> Status {
             auto r = users.setRoles(world.sysadmin.login, {u"key-worker"_s});
             return r ? success() : Status(r.error());
         }(),
         u"denied"_s, u"You cannot remove your own system administrator role"_s},
        {"disable the exchange", users.disable(world.exchange.login), u"denied"_s,
         u"The exchange's login"_s},
        {"reset the exchange's password",
         users.resetPassword(world.exchange.login, u"Some-Pw-1234"_s, true), u"denied"_s,
         u"The exchange's login"_s},
        {"disable the owner", users.disable(ownerLogin), u"not_found"_s, u"There is no user"_s},
        {"disable a login of no worker here", users.disable(stranger.name()), u"not_found"_s,
         u"There is no user"_s},
        {"give the exchange's role",
         [&]() -> Status {
             auto r = users.setRoles(world.keyWorker.login, {u"exchange"_s});
             return r ? success() : Status(r.error());
         }(),
         u"denied"_s, u"The exchange's login is made only by cpisctl setup"_s},
        {"take every role away",
         [&]() -> Status {
             auto r = users.setRoles(world.keyWorker.login, {});
             return r ? success() : Status(r.error());
         }(),
         u"invalid"_s, u"at least one role"_s},
        {"an unknown role",
         [&]() -> Status {
             auto r = users.setRoles(world.keyWorker.login, {u"boss"_s});
             return r ? success() : Status(r.error());
         }(),
         u"invalid"_s, u"Role \"boss\" must be one of"_s},
    };
    for (const Refusal &r : refusals) {
        INFO(r.what << ": " << (r.status ? "done" : r.status.error().message.toStdString()));
        CHECK(codeOf(r.status) == r.code);
        CHECK((!r.status && r.status.error().message.contains(r.says)));
    }
    // A clear password never reaches the database; only a SCRAM verifier does.
    CHECK(sqlStateOf(*sysadmin, u"SELECT reset_user_password($1, 'Plain-Text-Pw-1', true)"_s,
                     {world.keyWorker.login}) == "CPVL1");
    CHECK(fingerprint(owner) == before);
    CHECK(canLogIn(owner, world.sysadmin.login));
    CHECK(canLogIn(owner, world.exchange.login));
    CHECK(canLogIn(owner, stranger.name()));
    CHECK(valueOf(owner, u"SELECT pg_has_role($1, 'cpis_sysadmin', 'MEMBER')"_s,
                  {world.sysadmin.login})
              .boolean());
}

TEST_CASE(
    "A reset gives a one-time password the user must change, and a user changes only their own",
    "[workflow][users]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    const QString login = world.keyWorker.login;
    const auto verifierOf = [&] {
        return textOf(owner,
                      u"SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = $1"_s,
                      {login});
    };

    const QString oneTime = oneTimePassword();
    CHECK(oneTime.size() == 16);
    CHECK(oneTimePassword() != oneTime);
    require(UserAdmin(*sysadmin).resetPassword(login, oneTime, true));
    const std::string first = verifierOf();
    CHECK(QString::fromStdString(first).startsWith(u"SCRAM-SHA-256$"_s));
    CHECK(require(UserAdmin(*sysadmin).find(login)).mustChangePassword);
    CHECK(auditCount(owner, u"user.password_reset"_s, login) == 1);
    // The audit holds who and when, never the verifier.
    CHECK_FALSE(
        textOf(owner, u"SELECT details::text FROM audit WHERE action = 'user.password_reset'"_s)
            .find("SCRAM") != std::string::npos);

    auto me = world.connectAs(login);
    CHECK(require(UserAdmin(*me).signedIn())); // the client asks for a new password first
    require(UserAdmin(*me).changeOwnPassword(u"My-Own-Pw-2026"_s));
    CHECK(verifierOf() != first);
    CHECK_FALSE(require(UserAdmin(*me).signedIn()));
    CHECK_FALSE(require(UserAdmin(*sysadmin).find(login)).mustChangePassword);
    CHECK(auditCount(owner, u"user.password_changed"_s, login) == 1);

    // A password the administrator sets for good (cpisctl user password --password-stdin).
    require(UserAdmin(*sysadmin).resetPassword(login, u"Chosen-Pw-2026"_s, false));
    CHECK_FALSE(require(UserAdmin(*sysadmin).find(login)).mustChangePassword);

    // A login that is no worker cannot change a password through CP-IS.
    LoneLogin nobody(owner);
    auto stranger = world.connectAs(nobody.name());
    CHECK(sqlStateOf(*stranger,
                     u"SELECT change_my_password('SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5')"_s) ==
          "42501");
}

TEST_CASE("Changing roles grants and revokes the group roles, with the queue and team that go "
          "with them",
          "[workflow][users]")
{
    TestDatabase db;
    CaseWorld world(db);
    Connection &owner = db.connection();
    auto sysadmin = world.connectAs(world.sysadmin);
    const QString login = world.keyWorker.login;
    const auto member = [&](const QString &group) {
        return valueOf(owner, u"SELECT pg_has_role($1, $2, 'MEMBER')"_s, {login, group}).boolean();
    };

    CHECK(require(UserAdmin(*sysadmin).changeRoles(
              login, {u"team-manager"_s, u"safeguarding-admin"_s}, {})) ==
          QStringList{u"key-worker"_s, u"safeguarding-admin"_s, u"team-manager"_s});
    CHECK(member(u"cpis_team_manager"_s));
    CHECK(member(u"cpis_safeguarding_admin"_s));
    CHECK(countOf(owner, u"SELECT count(*) FROM team_manager WHERE worker_id = $1"_s,
                  {world.keyWorker.workerId}) == 1);
    CHECK(countOf(owner, u"SELECT count(*) FROM queue_member WHERE member_id = $1"_s,
                  {world.keyWorker.workerId}) == 1);
    CHECK(auditCount(owner, u"user.roles_changed"_s, login) == 1);

    CHECK(require(UserAdmin(*sysadmin).changeRoles(login, {},
                                                   {u"key-worker"_s, u"safeguarding-admin"_s})) ==
          QStringList{u"team-manager"_s});
    CHECK_FALSE(member(u"cpis_key_worker"_s));
    CHECK_FALSE(member(u"cpis_safeguarding_admin"_s));
    CHECK(countOf(owner, u"SELECT count(*) FROM queue_member WHERE member_id = $1"_s,
                  {world.keyWorker.workerId}) == 0);
    CHECK(require(UserAdmin(*sysadmin).list()).size() > 0);
}
