// Item 5 of issue 9, message files: each bad file, imported for real with `cpisctl import` as
// the exchange login, gets an error that names what is wrong, and leaves the case data as it
// was. What may change is only what DESIGN §6 asks for: the raw message kept, quarantined
// with its reason, and an alert to the CP-IS administrators; a file refused before it is
// read (too large) changes nothing at all. docs/security.md §5 lists the same catalogue.
#include "cpis/message_errors.h"
#include "db/rows.h"
#include "support/exchange_world.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace cpis;
using namespace cpis::test;

namespace {

enum class Kept { Quarantined, NotStored };

struct BadFile
{
    const char *what;    // the catalogue entry, as in docs/security.md
    QByteArray contents; // the file
    QString error;       // what cpisctl says about it, in part
    Kept kept = Kept::Quarantined;
};

QByteArray sample(const char *name)
{
    QFile file(QStringLiteral(CPIS_TEST_DATA "/messages/") + QString::fromLatin1(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray nested(int depth)
{
    QByteArray xml = accessNotification(u"NEST-1"_s);
    const qsizetype close = xml.lastIndexOf("</");
    xml.insert(close, QByteArray("</x>").repeated(depth));
    const qsizetype open = xml.indexOf('>', xml.indexOf("<CP-ISAccessToServiceNotification")) + 1;
    xml.insert(open, QByteArray("<x>").repeated(depth));
    return xml;
}

QByteArray notUtf8()
{
    QByteArray xml = accessNotification(u"ENC-1"_s);
    xml.replace("<given>Priya</given>",
                "<given>Zo\xEB</given>"); // Latin-1 in a file declared UTF-8
    return xml;
}

QByteArray billionLaughs()
{
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
           "\"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
           "<REPC_MT000004GB01 xmlns=\"urn:hl7-org:v3\">&c;</REPC_MT000004GB01>\n";
}

QList<BadFile> catalogue(const QDate &childBorn)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime beforeBirth(childBorn.addDays(-1), QTime(9, 0), QTimeZone::utc());
    return {
        {"truncated", sample("invalid_truncated.xml"), u"not well-formed"_s},
        {"empty file", QByteArray(), u"The message is empty"_s},
        {"empty notification (no access)", sample("asn_empty.xml"), u"Empty notification"_s},
        {"huge (over 20 MiB)", QByteArray(hl7::kMaxMessageBytes + 1, ' '), u"larger than 20 MiB"_s,
         Kept::NotStored},
        {"wrong encoding (Latin-1 declared UTF-8)", notUtf8(), u"encod"_s},
        {"XML entity expansion (billion laughs)", sample("invalid_doctype_entity.xml"), u"DTD"_s},
        {"XML entity expansion (inline)", billionLaughs(), u"DTD"_s},
        {"deep nesting (200 levels)", nested(200), u"nest"_s},
        {"not XML", sample("invalid_not_xml.txt"), u"not well-formed"_s},
        {"wrong message kind (unknown interaction)", sample("invalid_unknown_kind.xml"), u"kind"_s},
        {"wrong message kind (wrong root)", sample("invalid_wrong_root.xml"),
         u"CP-ISAccessToServiceNotification"_s},
        {"wrong message kind (our own upload)", sample("upload.xml"), u"upload"_s},
        {"invalid NHS number (check digit)", sample("invalid_asn_bad_nhs_number.xml"),
         u"check digit"_s},
        {"invalid NHS number (wrong length)", accessNotification(u"NHS-LEN"_s, u"99900000"_s),
         u"wrong length"_s},
        {"NHS number of no known child", accessNotification(u"NHS-NONE"_s, u"9990000018"_s),
         u"No child has the NHS number 9990000018"_s},
        {"bad timestamp", sample("invalid_asn_bad_time.xml"), u"effectiveTime"_s},
        {"access date in the future",
         accessNotification(u"FUTURE-1"_s, u"9990000026"_s, now.addDays(30)), u"in the future"_s},
        {"access date before the child's birth",
         accessNotification(u"BIRTH-1"_s, u"9990000026"_s, beforeBirth),
         u"before the child was born"_s},
    };
}

// Every table's contents, hashed, except those a quarantine writes to (and audits):
// "table:md5".
QStringList caseData(ExchangeWorld &x)
{
    return require(queryValue(x.db.connection(), uR"(
        SELECT string_agg(c.relname || ':' || (xpath('/row/h/text()', query_to_xml(format(
                   'SELECT md5(coalesce(string_agg(t::text, '','' ORDER BY t::text), '''')) AS h FROM %I t',
                   c.relname), false, true, '')))[1]::text, ' ' ORDER BY c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND c.relname <> ALL ($1::text[]))"_s,
                              {u"{inbound_message,alert,audit}"_s}))
        .text()
        .split(u' ');
}

// The tables whose contents differ, for the failure message.
std::string changedTables(const QStringList &before, const QStringList &after)
{
    QStringList changed;
    for (const QString &table : after) {
        if (!before.contains(table))
            changed << table.section(u':', 0, 0);
    }
    return changed.join(u", "_s).toStdString();
}
} // namespace

TEST_CASE("Every bad message file gets an error naming what is wrong and leaves the case data "
          "unchanged",
          "[security][inbound]")
{
    ExchangeWorld x;
    const QDate born =
        require(queryValue(x.db.connection(), u"SELECT date_of_birth FROM person WHERE id = $1"_s,
                           {x.world.childId}))
            .date();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    int n = 0;
    for (const BadFile &bad : catalogue(born)) {
        INFO("catalogue entry: " << bad.what);
        const QString path = dir.filePath(u"bad-%1.xml"_s.arg(++n));
        {
            QFile file(path);
            REQUIRE(file.open(QIODevice::WriteOnly));
            REQUIRE(file.write(bad.contents) == bad.contents.size());
        }
        const QStringList before = caseData(x);
        const int messages = x.count(u"SELECT count(*) FROM inbound_message"_s);
        const int alerts = x.count(u"SELECT count(*) FROM alert"_s);
        const QString aboutPeople = u"SELECT count(*) FROM audit WHERE person_id IS NOT NULL"_s;
        const int audited = x.count(aboutPeople);

        const auto run =
            runCpisctl({u"import"_s, u"--database"_s, x.conninfoAs(x.world.exchange.login), path});
        INFO(run.out.toStdString() + run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(run.out.contains(bad.error, Qt::CaseInsensitive));
        CHECK(changedTables(before, caseData(x)) == "");
        CHECK(x.count(aboutPeople) == audited); // nothing recorded against a child
        if (bad.kept == Kept::NotStored) {
            CHECK(x.count(u"SELECT count(*) FROM inbound_message"_s) == messages);
            CHECK(x.count(u"SELECT count(*) FROM alert"_s) == alerts);
            continue;
        }
        // Kept with its reason, for the administrators, whom an alert tells.
        CHECK(x.count(u"SELECT count(*) FROM inbound_message"_s) == messages + 1);
        CHECK(
            x.count(
                u"SELECT count(*) FROM inbound_message WHERE id = (SELECT max(id) FROM inbound_message) AND status = 'quarantined' AND reason ILIKE $1"_s,
                {QString(u"%"_s + bad.error + u"%"_s)}) == 1);
        CHECK(x.count(u"SELECT count(*) FROM alert"_s) == alerts + 1);
        // An empty notification is an alert type of its own (issue 18).
        const QString type = QByteArrayView(bad.what).startsWith("empty notification")
                                 ? u"CP-IS empty notification"_s
                                 : u"CP-IS message quarantined"_s;
        CHECK(x.count(u"SELECT count(*) FROM alert WHERE id = (SELECT max(id) FROM alert) AND "
                      u"alert_type = $1"_s,
                      {type}) == 1);
    }
}
