// A Qt Linguist .ts catalogue read for checking: every message with its translations, and
// what is wrong with a message (unfinished, empty, placeholders or mnemonics that differ).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpis::test {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;                           // empty when finished; unfinished, vanished or obsolete
    QStringList translations;               // one, or every plural form
    [[nodiscard]] QString describe() const; // context "source", for failure messages
};

struct TsCatalogue
{
    QString language;
    QList<TsMessage> messages;
    // Empty with `problem` set when the file cannot be read or parsed.
    static std::optional<TsCatalogue> read(const QString &path, QString *problem);
};

// Mnemonic letters (&S in "&Save"); "&&" is a literal ampersand and "A&E" an abbreviation.
QStringList mnemonics(const QString &text);
// %1…%99 and %n, as a sorted, de-duplicated list.
QStringList placeholders(const QString &text);
// What makes a message unusable, one line each; empty when it is fine.
QStringList messageProblems(const TsMessage &message);

} // namespace cpis::test
