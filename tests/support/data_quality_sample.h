// A known data-quality sample on top of a CaseWorld: one child in each list, a restricted
// child, a child whose plan has ended, and Thomas (the world's child) shared but renamed.
#pragma once

#include "support/case_world.h"

namespace cpis::test {

struct DataQualitySample
{
    DataQualitySample(TestDatabase &db, const CaseWorld &world);

    // In scope (6): Thomas (shared, renamed since the upload) and these five.
    qint64 noNumber = 0;   // Mia Stone
    qint64 rejected = 0;   // Ellie Marsh, "The NHS number does not match the name."
    qint64 inactive = 0;   // Leo Hart
    qint64 overdue = 0;    // an unborn child expected three days ago
    qint64 restricted = 0; // Ruby Quinn, no NHS number, restricted: counted, not listed
    // Out of scope: the plan ended yesterday.
    qint64 planEnded = 0;
};

} // namespace cpis::test
