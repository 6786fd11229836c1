// Open steps carry their child's name, restriction and key worker for the workview
// (migration 0021). Whatever changes the child, the workview must show it at once.
#include "support/case_world.h"
#include "support/security_checks.h"
#include "workflow/worker_directory.h"
#include "workflow/workview_query.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;
using test::countOf;
using test::require;
using test::valueOf;

namespace {
// The open step's row in the worker's Current work, or an empty item when it is not listed.
CurrentWorkItem itemFor(const test::CaseWorld &world, const test::CaseWorld::User &user,
                        qint64 stepId)
{
    auto c = world.connectAs(user);
    const Workview view = require(loadWorkview(*c, require(WorkerDirectory(*c).current())));
    for (const CurrentWorkItem &item : view.currentWork) {
        if (item.stepId == stepId)
            return item;
    }
    return {};
}
} // namespace

TEST_CASE("Current work shows the child's name as it is now", "[workview]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    REQUIRE(itemFor(world, world.admin, world.stepId).subjectName == u"Thomas Turner"_s);

    valueOf(owner,
            u"UPDATE person SET legal_forenames = 'Tom', legal_surname = 'Turner-Price' "
            u"WHERE id = $1 RETURNING id"_s,
            {world.childId});
    CHECK(itemFor(world, world.admin, world.stepId).subjectName == u"Tom Turner-Price"_s);
}

TEST_CASE("Current work shows the child's key worker as it is now", "[workview]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    REQUIRE(itemFor(world, world.admin, world.stepId).keyWorker == u"Jane Okafor"_s);

    SECTION("a new key worker takes over")
    {
        valueOf(owner,
                u"UPDATE involvement SET ended_on = current_date WHERE person_id = $1 "
                u"AND role = 'Key Worker' AND ended_on IS NULL RETURNING id"_s,
                {world.childId});
        CHECK(itemFor(world, world.admin, world.stepId).keyWorker.isEmpty());
        valueOf(owner,
                u"INSERT INTO involvement (person_id, worker_id, role) "
                u"VALUES ($1, $2, 'Key Worker') RETURNING id"_s,
                {world.childId, world.otherKeyWorker.workerId});
        const QString otherName = valueOf(owner, u"SELECT name FROM worker WHERE id = $1"_s,
                                          {world.otherKeyWorker.workerId})
                                      .text();
        CHECK(itemFor(world, world.admin, world.stepId).keyWorker == otherName);
    }
    SECTION("the key worker's involvement is removed")
    {
        valueOf(
            owner,
            u"DELETE FROM involvement WHERE person_id = $1 AND role = 'Key Worker' RETURNING id"_s,
            {world.childId});
        CHECK(itemFor(world, world.admin, world.stepId).keyWorker.isEmpty());
    }
    SECTION("the key worker is renamed")
    {
        valueOf(owner, u"UPDATE worker SET name = 'Jane Okafor-Bell' WHERE id = $1 RETURNING id"_s,
                {world.keyWorker.workerId});
        CHECK(itemFor(world, world.admin, world.stepId).keyWorker == u"Jane Okafor-Bell"_s);
    }
}

TEST_CASE("A child restricted after their step was made leaves the lists of workers without "
          "access",
          "[workview][security]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    REQUIRE(itemFor(world, world.otherAdmin, world.stepId).stepId == world.stepId);

    valueOf(owner,
            u"INSERT INTO person_access (person_id, worker_id) VALUES ($1, $2) RETURNING 1"_s,
            {world.childId, world.admin.workerId});
    valueOf(owner, u"UPDATE person SET restricted = true WHERE id = $1 RETURNING id"_s,
            {world.childId});
    CHECK(itemFor(world, world.otherAdmin, world.stepId).stepId == 0);
    CHECK(itemFor(world, world.admin, world.stepId).stepId == world.stepId); // granted access

    valueOf(owner, u"UPDATE person SET restricted = false WHERE id = $1 RETURNING id"_s,
            {world.childId});
    CHECK(itemFor(world, world.otherAdmin, world.stepId).stepId == world.stepId);
}

TEST_CASE("A step moved to another child shows that child", "[workview]")
{
    test::TestDatabase db;
    test::CaseWorld world(db);
    Connection &owner = db.connection();
    const qint64 other = test::addRestrictedChild(owner, world.admin.workerId);
    valueOf(owner, u"UPDATE work_step SET subject_id = $1 WHERE id = $2 RETURNING id"_s,
            {other, world.stepId});
    const QString otherName =
        valueOf(owner,
                u"SELECT legal_forenames || ' ' || legal_surname FROM person WHERE id = $1"_s,
                {other})
            .text();
    CHECK(itemFor(world, world.admin, world.stepId).subjectName == otherName);
    // That child is restricted, and only the admin was granted access.
    CHECK(itemFor(world, world.otherAdmin, world.stepId).stepId == 0);
    CHECK(countOf(owner, u"SELECT count(*) FROM work_step WHERE subject_name IS NULL "
                         u"AND state IN ('incoming', 'in_progress')"_s) == 0);
}
