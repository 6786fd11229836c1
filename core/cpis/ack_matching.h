// Which uploaded record each outcome of a CP-IS acknowledgement is about. The DMS leaves open
// what an outcome's location points into (CPIS-DMS.md §5 U2), so it is read both ways: a
// "record[n]" step names the nth record of the upload we sent, a "message[n]" step the nth
// record the acknowledgement returns; failing both, outcomes and returned records are paired
// in order when they are as many.
#pragma once

#include "cpis/messages.h"

#include <QList>
#include <QString>

#include <optional>

namespace cpis::hl7 {

struct MatchedOutcome
{
    RecordOutcome outcome;
    bool found = false;  // whom it is about is known
    bool unborn = false; // the ids are a mother's, for her unborn child's plan
    PersonIds ids;
};

// `sent` is the upload as we stored it, when it can still be read.
QList<MatchedOutcome> matchOutcomes(const Acknowledgement &ack, const std::optional<Upload> &sent);

} // namespace cpis::hl7
