#include "cpis/ack_matching.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {
// The 1-based position after the last `step[` in an XPath, or 0.
int positionOf(const QString &location, QStringView step)
{
    static const QRegularExpression kIndex(u"([A-Za-z_:.-]+)\\s*\\[\\s*(\\d+)\\s*\\]"_s);
    int found = 0;
    for (const QRegularExpressionMatch &m : kIndex.globalMatch(location)) {
        const QString name = m.captured(1);
        if (name == step || name.endsWith(u':' + step.toString()))
            found = m.captured(2).toInt();
    }
    return found;
}

MatchedOutcome about(const RecordOutcome &outcome, bool unborn, const PersonIds &ids)
{
    return MatchedOutcome{outcome, true, unborn, ids};
}
} // namespace

QList<MatchedOutcome> matchOutcomes(const Acknowledgement &ack, const std::optional<Upload> &sent)
{
    const bool pairInOrder = ack.outcomes.size() == ack.returned.size();
    QList<MatchedOutcome> matched;
    for (qsizetype i = 0; i < ack.outcomes.size(); ++i) {
        const RecordOutcome &outcome = ack.outcomes[i];
        const int returned = positionOf(outcome.location, u"message");
        const int uploaded = positionOf(outcome.location, u"record");
        if (returned > 0 && returned <= ack.returned.size()) {
            const ReturnedRecord &r = ack.returned[returned - 1];
            matched.append(about(outcome, r.unborn, r.ids));
        } else if (returned == 0 && uploaded > 0 && sent && uploaded <= sent->records.size()) {
            const UploadRecord &r = sent->records[uploaded - 1];
            matched.append(about(outcome, r.unborn, r.ids));
        } else if (pairInOrder) {
            const ReturnedRecord &r = ack.returned[i];
            matched.append(about(outcome, r.unborn, r.ids));
        } else {
            matched.append(MatchedOutcome{outcome, false, false, {}});
        }
    }
    return matched;
}

} // namespace cpis::hl7
