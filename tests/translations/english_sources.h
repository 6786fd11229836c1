// The rule of the Welsh window tests: a visible text is left in English when it is one of the
// catalogue's English source texts whose Welsh differs. Names, NHS numbers and dates are no
// source text, and names that stay the same in Welsh (CP-IS, DHU-111) are not flagged.
#pragma once

#include "translations/ts_catalogue.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace cpis::test {

class EnglishSources
{
public:
    explicit EnglishSources(const TsCatalogue &welsh);
    // The English source `text` is (whole, or one of its lines), or empty when it is none.
    [[nodiscard]] QString match(const QString &text) const;
    [[nodiscard]] qsizetype size() const { return m_exact.size() + m_patterns.size(); }

    // How texts are compared: no mnemonics, accelerators, markup, trailing colons or stars.
    static QString normalised(const QString &text);

private:
    [[nodiscard]] QString matchOne(const QString &line) const;
    QHash<QString, QString> m_exact;                      // normalised source → source
    QList<QPair<QRegularExpression, QString>> m_patterns; // sources with %1 etc.
};

} // namespace cpis::test
