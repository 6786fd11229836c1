// Which of the four CP-IS messages a document is, from its root element's name and namespace
// (CPIS-DMS.md §1.5: no message-type code is sent).
#pragma once

#include "cpis/messages.h"
#include "result.h"

#include <QByteArray>
#include <QLatin1StringView>

namespace cpis::hl7 {

class Hl7Reader;

struct KindInfo
{
    MessageKind kind;
    QLatin1StringView root;     // the root element on the wire
    QLatin1StringView artefact; // the message type's artefact id, for people
    QLatin1StringView title;
};

const KindInfo &kindInfo(MessageKind kind);

// Checks the whole document (as every reader does) and names its kind.
Result<MessageKind> detectKind(const QByteArray &xml);

// Opens the reader on its root and checks that it is the `expected` message; false with the
// reader's error otherwise.
bool openAs(Hl7Reader &reader, MessageKind expected);

} // namespace cpis::hl7
