#include "workflow/step_choices.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<StepChoices> loadStepChoices(Connection &connection)
{
    auto items = callService(connection, uR"(
        SELECT list, label FROM list_item
        WHERE active AND list IN ('request_type', 'next_action', 'next_action_reason', 'cancel_reason')
        ORDER BY list, position, label)"_s);
    if (!items)
        return items.error();
    StepChoices choices;
    while (items->next()) {
        const QString list = items->value(0).toString();
        const QString label = items->value(1).toString();
        if (list == u"request_type"_s)
            choices.requestTypes << label;
        else if (list == u"next_action"_s)
            choices.nextActions << label;
        else if (list == u"next_action_reason"_s)
            choices.nextActionReasons << label;
        else
            choices.cancelReasons << label;
    }
    auto templates = callService(
        connection,
        u"SELECT source, label, body FROM note_template ORDER BY source = 'dhu_111', source"_s);
    if (!templates)
        return templates.error();
    while (templates->next())
        choices.templates.append({templates->value(0).toString(), templates->value(1).toString(),
                                  templates->value(2).toString()});
    return choices;
}

} // namespace cpis
