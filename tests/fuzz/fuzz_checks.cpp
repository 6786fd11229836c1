#include "fuzz/fuzz_checks.h"

#include "cpis/access_notification_message.h"
#include "cpis/acknowledgement_message.h"
#include "cpis/gzip.h"
#include "cpis/hl7_time.h"
#include "cpis/inactive_notification_message.h"
#include "cpis/message_kind.h"
#include "cpis/upload_message.h"
#include "domain/nhs_number.h"

using namespace Qt::StringLiterals;

namespace cpis::fuzz {

namespace {
constexpr qsizetype kGzipBound = 4096;

template<typename Read, typename Write>
void readWriteRead(const QByteArray &xml, Read read, Write write, QStringList &broken)
{
    auto message = read(xml);
    if (message && !read(write(*message)).ok())
        broken << u"a message read, then written, reads again"_s;
}
} // namespace

QStringList checkMessageReaders(const QByteArray &input)
{
    QStringList broken;
    (void)hl7::detectKind(input);
    readWriteRead(input, hl7::readAccessNotification, hl7::writeAccessNotification, broken);
    readWriteRead(input, hl7::readAcknowledgement, hl7::writeAcknowledgement, broken);
    readWriteRead(input, hl7::readInactiveNhsNumber, hl7::writeInactiveNhsNumber, broken);
    readWriteRead(input, hl7::readUpload, hl7::writeUpload, broken);
    return broken;
}

QStringList checkHl7Time(const QByteArray &input)
{
    QStringList broken;
    const QString text = QString::fromUtf8(input);
    if (auto time = hl7::parseTimestamp(text)) {
        // Written without a fraction: the same instant but for its milliseconds.
        auto again = hl7::parseTimestamp(hl7::formatTimestamp(*time));
        const QDateTime whole = time->addMSecs(-time->time().msec());
        if (!again || again->toMSecsSinceEpoch() != whole.toMSecsSinceEpoch() ||
            again->offsetFromUtc() != time->offsetFromUtc())
            broken << u"a formatted timestamp parses to the same second and offset"_s;
    }
    if (auto date = hl7::parsePlanDate(text)) {
        auto again = hl7::parsePlanDate(hl7::formatPlanDate(*date));
        if (!again || *again != *date)
            broken << u"a formatted plan date parses to the same date"_s;
    }
    if (auto date = hl7::parseDate(text)) {
        auto again = hl7::parseDate(hl7::formatDate(*date));
        if (!again || *again != *date)
            broken << u"a formatted date parses to the same date"_s;
    }
    return broken;
}

QStringList checkGzip(const QByteArray &input)
{
    QStringList broken;
    const auto whole = gzipDecompress(input);
    bool tooLarge = false;
    const auto bounded = gzipDecompress(input, kGzipBound, &tooLarge);
    if (bounded && (bounded->size() > kGzipBound || bounded != whole))
        broken << u"within the bound, un-gzipping gives what it gives without one"_s;
    if (tooLarge && bounded)
        broken << u"too large gives nothing"_s;
    // Inflating stops at the bound, so a stream that is corrupt further on may be too large.
    if (whole && tooLarge != (whole->size() > kGzipBound))
        broken << u"what inflates whole is too large exactly when it is larger than the bound"_s;
    const auto back = gzipDecompress(gzipCompress(input));
    if (!back || *back != input)
        broken << u"what is gzipped inflates to itself"_s;
    return broken;
}

QStringList checkNhsNumber(const QByteArray &input)
{
    QStringList broken;
    const QString text = QString::fromUtf8(input);
    const auto number = NhsNumber::parse(text);
    const NhsNumber::Problem problem = NhsNumber::validate(text);
    if (number.has_value() != (problem == NhsNumber::Problem::None))
        broken << u"parse and validate agree"_s;
    if (!number) {
        if (NhsNumber::describe(problem).isEmpty())
            broken << u"a refusal has a reason"_s;
        return broken;
    }
    if (number->digits().size() != 10)
        broken << u"a number is ten digits"_s;
    if (NhsNumber::parse(number->formatted()) != number)
        broken << u"the grouped form parses back"_s;
    return broken;
}

QList<Target> targets()
{
    return {{u"message_readers"_s, checkMessageReaders},
            {u"hl7_time"_s, checkHl7Time},
            {u"gzip"_s, checkGzip},
            {u"nhs_number"_s, checkNhsNumber}};
}

} // namespace cpis::fuzz
