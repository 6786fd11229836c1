#include "help/help_topic.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis::ui {

QString helpPagePath(HelpTopic topic, const QLocale &locale)
{
    const QString file =
        topic == HelpTopic::SafeguardingAdmin ? u"admin.html"_s : u"key_worker.html"_s;
    if (locale.name().startsWith(u"cy"_s)) {
        const QString welsh = u":/help/cy/"_s + file;
        if (QFile::exists(welsh))
            return welsh;
    }
    return u":/help/en_GB/"_s + file;
}

} // namespace cpis::ui
