// The Configuration tools' CP-IS tab: the plans and legal statuses shared with CP-IS, what a
// notification becomes, and the sending authority clinicians see beside every flag.
#pragma once

#include <QWidget>

namespace cpis::ui {

class ConfigurationFields;

class ConfigurationCpisTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationCpisTab)

public:
    explicit ConfigurationCpisTab(ConfigurationFields *fields);
};

} // namespace cpis::ui
