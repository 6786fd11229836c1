// How an Access to Service Notification reads to the people who work it: the step's
// comment and whether it came from A&E or a 111 service (DHU).
#pragma once

#include "cpis/messages.h"

#include <QString>

namespace cpis::hl7 {

// "ae" or "dhu_111": a system accessor (a 111 service) or an organisation named as a
// 111 service means DHU/111; a person in an emergency department or unit means A&E.
QString notificationSource(const AccessNotification &notification);

// One line per access, naming who, their role, the organisation and the date and time of
// access in UK time.
QString notificationComment(const AccessNotification &notification);

} // namespace cpis::hl7
