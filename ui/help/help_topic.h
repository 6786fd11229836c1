// The two procedures the in-app help explains, and which page shows them in the UI language.
#pragma once

#include <QLocale>
#include <QString>

namespace cpis::ui {

enum class HelpTopic { SafeguardingAdmin, KeyWorker };

// The page's resource path: Welsh (":/help/cy/…") when the language is Welsh, else en_GB.
QString helpPagePath(HelpTopic topic, const QLocale &locale = QLocale());

// Safeguarding Admin work the notifications; everyone else (key workers, their managers)
// receives them.
inline HelpTopic helpTopicFor(bool safeguardingAdmin)
{
    return safeguardingAdmin ? HelpTopic::SafeguardingAdmin : HelpTopic::KeyWorker;
}

} // namespace cpis::ui
