// The kind of a CP-IS message from its root element (message_kind.h).
#include "cpis/message_kind.h"

#include "cpis/hl7_reader.h"
#include "cpis/message_errors.h"

#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace cpis::hl7 {

namespace {

constexpr std::array kKinds{
    KindInfo{MessageKind::Upload, "File"_L1, "REPC_MT000002GB01"_L1, "Local Authority Upload"_L1},
    KindInfo{MessageKind::Acknowledgement, "FileResponse"_L1, "REPC_MT000003GB01"_L1,
             "Local Authority Acknowledgement Response"_L1},
    KindInfo{MessageKind::AccessNotification, "CP-ISAccessToServiceNotification"_L1,
             "REPC_MT000004GB01"_L1, "Access to Service Notification"_L1},
    KindInfo{MessageKind::InactiveNhsNumber, "CP-ISInactiveNHSNumberNotification"_L1,
             "REPC_MT000005GB01"_L1, "Inactive NHS Number Notification"_L1},
};

QString describe(const KindInfo &info)
{
    return u"%1 (%2, root element %3)"_s.arg(info.title, info.artefact, info.root);
}

// The root element must be one of the four, in the HL7 namespace.
const KindInfo *kindOfRoot(Hl7Reader &r)
{
    if (r.rootNamespace() != kHl7Namespace) {
        r.fail(kErrorKind,
               u"unknown message kind: root element %1 is not in the HL7 v3 namespace %2%3"_s.arg(
                   r.rootName(), kHl7Namespace,
                   r.rootNamespace().isEmpty()
                       ? QString()
                       : u" (its namespace is %1)"_s.arg(r.rootNamespace())));
        return nullptr;
    }
    for (const KindInfo &info : kKinds) {
        if (r.rootName() == info.root)
            return &info;
    }
    QStringList roots;
    for (const KindInfo &info : kKinds)
        roots.append(QString(info.root));
    r.fail(kErrorKind,
           u"unknown message kind: root element %1 (a CP-IS message is one of %2)"_s.arg(
               r.rootName(), roots.join(u", "_s)));
    return nullptr;
}

} // namespace

const KindInfo &kindInfo(MessageKind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return info;
    }
    Q_UNREACHABLE();
}

Result<MessageKind> detectKind(const QByteArray &xml)
{
    Hl7Reader r(xml, kMaxMessageBytes, kMaxNestingDepth);
    if (!r.open())
        return r.error();
    const KindInfo *kind = kindOfRoot(r);
    if (!kind)
        return r.error();
    return kind->kind;
}

bool openAs(Hl7Reader &r, MessageKind expected)
{
    if (!r.open())
        return false;
    const KindInfo *kind = kindOfRoot(r);
    if (!kind)
        return false;
    if (kind->kind != expected) {
        r.fail(kErrorKind, u"wrong message kind: expected %1, found %2"_s.arg(
                               describe(kindInfo(expected)), describe(*kind)));
        return false;
    }
    return true;
}

} // namespace cpis::hl7
