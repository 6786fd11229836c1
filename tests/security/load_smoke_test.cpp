// A short run of the load test (scripts/loadtest runs it for a minute with 20 users), so that its
// users and checks keep working: every check must pass and every kind of work must have happened.
#include "db/sample_data.h"
#include "load/load_run.h"
#include "support/case_world.h"

using namespace Qt::StringLiterals;
using namespace cpis;

TEST_CASE("Four users and two exchanges working at once claim no step twice and lose no update",
          "[security]")
{
    test::TestDatabase db;
    test::require(loadScaleData(db.connection(), 1000));
    load::LoadOptions options;
    options.seconds = 3;
    options.users = 4;
    test::require(load::prepareLoad(db.connection(), options));

    const load::LoadReport report =
        test::require(load::runLoad(db.connInfo(), db.connection(), options));

    for (const load::Check &check : report.checks) {
        INFO(check.name.toStdString() << ": " << check.detail.toStdString());
        CHECK(check.passed);
    }
    for (const QString &operation : {u"start work"_s, u"finish"_s, u"acknowledge"_s,
                                     u"add case note"_s, u"notification stored and processed"_s}) {
        INFO(operation.toStdString());
        CHECK_FALSE(report.latencies.value(operation).isEmpty());
    }
}
