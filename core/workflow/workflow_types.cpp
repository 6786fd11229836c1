#include "workflow/workflow_types.h"

#include "workflow/display_names.h"

#include <algorithm>

namespace cpis {

qsizetype Workview::incomingWorkCount() const
{
    return std::count_if(currentWork.cbegin(), currentWork.cend(), [](const CurrentWorkItem &item) {
        return item.state == QStringLiteral("incoming");
    });
}

bool StepDetail::canFinish() const
{
    return state == QStringLiteral("in_progress") && incompleteSections().isEmpty();
}

QStringList StepDetail::incompleteSections() const
{
    QStringList missing;
    for (const StepSection &s : sections) {
        if (!s.complete)
            missing << DisplayNames::sectionTitle(s.number, s.title);
    }
    return missing;
}

} // namespace cpis
