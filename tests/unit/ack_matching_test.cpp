// Which uploaded record an acknowledgement outcome is about, read every way CPIS-DMS.md §5 U2
// leaves open: a location into the upload, into the acknowledgement, or none.
#include "cpis/ack_matching.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace cpis::hl7;

namespace {
UploadRecord uploaded(const QString &nhsNumber, const QString &localId, bool unborn)
{
    UploadRecord r;
    r.ids = {nhsNumber, localId, {}};
    r.unborn = unborn;
    return r;
}

ReturnedRecord returned(const QString &nhsNumber, const QString &localId, bool unborn)
{
    ReturnedRecord r;
    r.ids = {nhsNumber, localId, {}};
    r.unborn = unborn;
    return r;
}

RecordOutcome at(const QString &location)
{
    return {u"CPR03"_s, {}, {}, {}, location};
}
} // namespace

TEST_CASE("An outcome located in the upload is about that record of the upload", "[unit]")
{
    Upload sent;
    sent.records = {uploaded(u"9990000042"_s, u"11"_s, false),
                    uploaded(u"9990000042"_s, u"11"_s, true)};
    Acknowledgement ack;
    ack.outcomes = {at(u"/File/record[2]/CP-ISRecord/subject"_s)};
    const QList<MatchedOutcome> m = matchOutcomes(ack, sent);
    REQUIRE(m.size() == 1);
    CHECK(m[0].found);
    CHECK(m[0].unborn);
    CHECK(m[0].ids.localPersonId == u"11"_s);
}

TEST_CASE("An outcome located in the acknowledgement is about that returned record, whatever "
          "prefix the path uses",
          "[unit]")
{
    Acknowledgement ack;
    ack.returned = {returned(u"9990000026"_s, u"3"_s, false),
                    returned(u"9990000093"_s, u"7"_s, false)};
    ack.outcomes = {at(u"/hl7:FileResponse/hl7:message[2]/hl7:cP-ISLAAcknowledgementResponse"_s),
                    at(u"/FileResponse/message[1]"_s)};
    const QList<MatchedOutcome> m = matchOutcomes(ack, std::nullopt);
    REQUIRE(m.size() == 2);
    CHECK(m[0].ids.nhsNumber == u"9990000093"_s);
    CHECK(m[1].ids.nhsNumber == u"9990000026"_s);
}

TEST_CASE("Without a usable location, outcomes pair with returned records only when they are as "
          "many",
          "[unit]")
{
    Acknowledgement ack;
    ack.returned = {returned(u"9990000026"_s, {}, false)};
    ack.outcomes = {at({})};
    CHECK(matchOutcomes(ack, std::nullopt)[0].ids.nhsNumber == u"9990000026"_s);

    // A location past the end, and one returned record for two outcomes: nobody is guessed.
    ack.outcomes = {at(u"/File/record[5]"_s), at(u"acknowledgementRecord[1]"_s)};
    Upload sent;
    sent.records = {uploaded(u"9990000026"_s, {}, false)};
    const QList<MatchedOutcome> m = matchOutcomes(ack, sent);
    CHECK_FALSE(m[0].found);
    CHECK_FALSE(m[1].found);
}
