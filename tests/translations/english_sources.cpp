#include "translations/english_sources.h"

#include <QTextDocumentFragment>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
// A pattern needs this many letters of its own, or "%1 (%2)" would match any data.
constexpr int kLettersForAPattern = 4;

qsizetype letters(const QString &text)
{
    return std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}
} // namespace

QString EnglishSources::normalised(const QString &text)
{
    QString t =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    t = t.section(u'\t', 0, 0); // "&Copy\tCtrl+C"
    QString out;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t[i] == u'&' && i + 1 < t.size()) {
            if (t[i + 1] == u'&')
                ++i;
            else if (!(i > 0 && t[i - 1].isUpper() && t[i + 1].isUpper()))
                continue;
        }
        out += t[i];
    }
    out = out.simplified();
    while (out.endsWith(u':') || out.endsWith(u'*'))
        out.chop(1);
    return out.trimmed();
}

EnglishSources::EnglishSources(const TsCatalogue &welsh)
{
    static const QRegularExpression marker(u"%(\\d{1,2}|n)"_s);
    for (const TsMessage &m : welsh.messages) {
        const QString source = normalised(m.source);
        const bool same = std::all_of(m.translations.cbegin(), m.translations.cend(),
                                      [&](const QString &t) { return normalised(t) == source; });
        if (same || source.isEmpty())
            continue; // the Welsh is the English: seeing it is no mistake
        if (!marker.match(source).hasMatch()) {
            m_exact.insert(source, m.source);
            continue;
        }
        QString literal = source;
        if (letters(literal.remove(marker)) < kLettersForAPattern)
            continue;
        QString pattern = u"^"_s;
        qsizetype from = 0;
        for (const auto &hit : marker.globalMatch(source)) {
            pattern += QRegularExpression::escape(source.mid(from, hit.capturedStart() - from));
            pattern += hit.captured(1) == u"n" ? u"\\d+"_s : u".+"_s;
            from = hit.capturedEnd();
        }
        pattern += QRegularExpression::escape(source.mid(from)) + u"$"_s;
        m_patterns.append(
            {QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption),
             m.source});
    }
}

QString EnglishSources::matchOne(const QString &line) const
{
    const QString n = normalised(line);
    if (n.isEmpty())
        return {};
    if (const auto it = m_exact.constFind(n); it != m_exact.cend())
        return it.value();
    for (const auto &[pattern, source] : m_patterns) {
        if (pattern.match(n).hasMatch())
            return source;
    }
    return {};
}

QString EnglishSources::match(const QString &text) const
{
    if (QString whole = matchOne(text); !whole.isEmpty())
        return whole;
    const QString plain =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    for (const QString &line : plain.split(QRegularExpression(u"[\\n\\x{2029}\\x{2028}]"_s))) {
        if (QString found = matchOne(line); !found.isEmpty())
            return found;
    }
    return {};
}

} // namespace cpis::test
