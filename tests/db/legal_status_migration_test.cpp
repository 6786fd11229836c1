// Migration 0024 and the settings it brings: a database with s31/s38/s20 plans comes out with
// the DfE legal-status codes in its plans and in cpis.shared_plans, and the new settings check
// what they are given.
#include "db/migrator.h"
#include "db/rows.h"
#include "support/test_database.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
constexpr int kBeforeLegalStatuses = 22;

Value valueOf(Connection &c, const QString &sql, const QVariantList &params = {})
{
    auto value = queryValue(c, sql, params);
    if (!value)
        FAIL(value.error().message.toStdString());
    return *value;
}

QString setConfigError(Connection &c, const QString &key, const QString &value)
{
    auto set = execute(c, u"SELECT set_config($1, $2)"_s, {key, value});
    return set ? QString() : set.error().message;
}
} // namespace

TEST_CASE("Migration 0024 turns s31, s38 and s20 into C2, C1 and V2, in the plans and the "
          "setting, without queueing anyone",
          "[migrations]")
{
    test::TestDatabase db(test::TestDatabase::Schema::Empty);
    Connection &c = db.connection();
    QList<Migration> old = Migrator::bundled();
    old.removeIf([](const Migration &m) { return m.version > kBeforeLegalStatuses; });
    REQUIRE(Migrator(c, old).migrate().ok());
    REQUIRE(execute(c, uR"(
        INSERT INTO person (id, legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
        VALUES (1, 'Ann', 'One', 'Female', '2015-01-01', '9990000026', 'recorded'),
               (2, 'Ben', 'Two', 'Male', '2016-01-01', '9990000034', 'recorded'))"_s)
                .ok());
    REQUIRE(execute(c, uR"(
        INSERT INTO plan (person_id, kind, start_date, end_date)
        VALUES (1, 's38', '2020-01-01', '2021-01-01'), (1, 's31', '2021-01-01', NULL),
               (2, 's20', '2022-01-01', NULL), (2, 'CPP', '2019-01-01', '2020-01-01'))"_s)
                .ok());
    // An authority that shared only care orders keeps sharing only care orders.
    REQUIRE(execute(c, u"UPDATE config SET value = 'CPP,s31,s38' WHERE key = 'cpis.shared_plans'"_s)
                .ok());
    REQUIRE(execute(c, u"DELETE FROM upload_pending"_s).ok());

    REQUIRE(Migrator(c).migrate().ok());

    CHECK(valueOf(c, u"SELECT string_agg(kind, ',' ORDER BY person_id, start_date) FROM plan"_s)
              .text() == u"C1,C2,CPP,V2"_s);
    CHECK(valueOf(c, u"SELECT value FROM config WHERE key = 'cpis.shared_plans'"_s).text() ==
          u"CPP,C1,C2"_s);
    CHECK(valueOf(c, u"SELECT count(*) FROM upload_pending"_s).integer() == 0);
    for (const QString &key :
         {u"cpis.authority_name"_s, u"cpis.phone_office_hours"_s, u"cpis.phone_out_of_hours"_s}) {
        INFO(key.toStdString());
        CHECK(valueOf(c, u"SELECT value FROM config WHERE key = $1"_s, {key}).text().isEmpty());
    }
    auto old_code =
        execute(c, u"INSERT INTO plan (person_id, kind, start_date) VALUES (1, 's31', now())"_s);
    CHECK_FALSE(old_code.ok());
}

TEST_CASE("A fresh database shares CPP, UCPP, C1, C2 and V2, while V3 and V4 are refused with the "
          "reason, and every other legal status may be shared",
          "[migrations]")
{
    test::TestDatabase db;
    Connection &c = db.connection();
    CHECK(valueOf(c, u"SELECT value FROM config WHERE key = 'cpis.shared_plans'"_s).text() ==
          u"CPP,UCPP,C1,C2,V2"_s);

    const QString v3 = setConfigError(c, u"cpis.shared_plans"_s, u"CPP,V3"_s);
    CHECK(v3.contains(u"V3 cannot be shared"_s));
    CHECK(v3.contains(u"short breaks"_s));
    CHECK(v3.contains(u"disabled children"_s));
    CHECK(setConfigError(c, u"cpis.shared_plans"_s, u"V4"_s).contains(u"never shared"_s));
    CHECK(setConfigError(c, u"cpis.shared_plans"_s, u"CPP,s31"_s)
              .contains(u"\"s31\" is not one of CPP, UCPP, C1, C2"_s));

    // Stored in the order the codes are listed, whatever order they were given in.
    CHECK(
        setConfigError(c, u"cpis.shared_plans"_s, u" V2,E1 ,L3,J1,D1,C2,C1,UCPP,CPP,L1,L2,J2,J3"_s)
            .isEmpty());
    CHECK(valueOf(c, u"SELECT value FROM config WHERE key = 'cpis.shared_plans'"_s).text() ==
          u"CPP,UCPP,C1,C2,D1,E1,J1,J2,J3,L1,L2,L3,V2"_s);
}

TEST_CASE("The sending authority's name and telephone numbers are checked, naming the setting, "
          "and stored as typed",
          "[migrations]")
{
    test::TestDatabase db;
    Connection &c = db.connection();
    CHECK(setConfigError(c, u"cpis.authority_name"_s, QString(101, u'N'))
              .contains(u"cpis.authority_name is too long"_s));
    CHECK(setConfigError(c, u"cpis.authority_name"_s, u"Northshire County Council"_s).isEmpty());
    for (const QString &key : {u"cpis.phone_office_hours"_s, u"cpis.phone_out_of_hours"_s}) {
        INFO(key.toStdString());
        for (const QString &bad : {u"01632-960000"_s, u"123 456"_s, u"+44 1632 960000 12345"_s,
                                   u"0+1632960000"_s, u"ring the duty desk"_s}) {
            INFO(bad.toStdString());
            const QString error = setConfigError(c, key, bad);
            CHECK(error.startsWith(key + u": \""_s + bad));
            CHECK(error.contains(u"is not a telephone number"_s));
        }
        CHECK(setConfigError(c, key, u"+44 1632 960000"_s).isEmpty());
        CHECK(valueOf(c, u"SELECT value FROM config WHERE key = $1"_s, {key}).text() ==
              u"+44 1632 960000"_s);
        CHECK(setConfigError(c, key, u"01632 960999"_s).isEmpty());
    }
    CHECK(valueOf(c, u"SELECT count(*) FROM audit WHERE action = 'config.changed'"_s).integer() ==
          5);
}
