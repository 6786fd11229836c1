// The words users see for the fixed values the database stores in English or as codes
// (priorities, states, plan kinds, section titles), in the user's language.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace cpis {

struct DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString priority(const QString &priority);       // Urgent, Normal, Low
    static QString nextActionStatus(const QString &status); // Outstanding, Done
    static QString stepState(const QString &state);         // incoming, in_progress, ...
    static QString requestState(const QString &state);      // draft, sent, acknowledged
    static QString planKind(const QString &kind);           // CPP, UCPP, C1, C2, ... V4
    // Every plan kind, in the order they are listed: CPP, UCPP, then the DfE legal statuses.
    static QStringList planKinds();
    // V3 and V4 (short breaks, often for disabled children) are never shared with CP-IS.
    static bool planKindMayBeShared(const QString &kind);
    static QString gender(const QString &gender);          // Male, Female, Other, Not known
    static QString nhsNumberStatus(const QString &status); // unknown, recorded, inactive, replaced
    static QString involvementRole(const QString &role);   // Key Worker, Team Manager, Other
    static QString sectionTitle(int number, const QString &stored); // 1. CPIS Follow Up
};

} // namespace cpis
