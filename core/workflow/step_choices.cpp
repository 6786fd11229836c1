#include "workflow/step_choices.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<StepChoices> loadStepChoices(Connection &connection)
{
    auto items = execute(connection, uR"(
        SELECT list, label FROM list_item
        WHERE active AND list IN ('request_type', 'next_action', 'next_action_reason', 'cancel_reason')
        ORDER BY list, position, label)"_s);
    if (!items)
        return items.error();
    StepChoices choices;
    for (const Row &item : *items) {
        const QString list = item.text("list");
        const QString label = item.text("label");
        if (list == u"request_type"_s)
            choices.requestTypes << label;
        else if (list == u"next_action"_s)
            choices.nextActions << label;
        else if (list == u"next_action_reason"_s)
            choices.nextActionReasons << label;
        else
            choices.cancelReasons << label;
    }
    auto templates = execute(
        connection,
        u"SELECT source, label, body FROM note_template ORDER BY source = 'dhu_111', source"_s);
    if (!templates)
        return templates.error();
    for (const Row &t : *templates)
        choices.templates.append({t.text("source"), t.text("label"), t.text("body")});
    return choices;
}

} // namespace cpis
