#include "translations/ts_catalogue.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace cpis::test {

QString TsMessage::describe() const
{
    return u"%1 \"%2\""_s.arg(context, source);
}

std::optional<TsCatalogue> TsCatalogue::read(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    TsCatalogue catalogue;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        // A numerus message is complete at the end of its translation.
        if (xml.isEndElement() && xml.name() == u"translation" && message.numerus)
            catalogue.messages.append(message);
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            catalogue.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = {};
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (!message.numerus) {
                message.translations = {xml.readElementText()};
                catalogue.messages.append(message);
            }
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        *problem = u"%1 line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return std::nullopt;
    }
    return catalogue;
}

QStringList mnemonics(const QString &text)
{
    QStringList letters;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        const bool abbreviation = i > 0 && text[i - 1].isUpper() && text[i + 1].isUpper();
        if (!abbreviation && !text[i + 1].isSpace())
            letters << text[i + 1].toLower();
    }
    return letters;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%(\\d{1,2}|n)"_s);
    QStringList found;
    for (const auto &match : marker.globalMatch(text))
        found << match.captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

QStringList messageProblems(const TsMessage &message)
{
    QStringList problems;
    if (message.type == u"unfinished")
        problems << u"not translated yet (unfinished)"_s;
    if (message.type == u"vanished" || message.type == u"obsolete")
        problems << u"no longer in the code (%1)"_s.arg(message.type);
    for (qsizetype i = 0; i < message.translations.size(); ++i) {
        const QString &translation = message.translations.at(i);
        const QString form = message.numerus ? u"plural form %1"_s.arg(i) : u"the translation"_s;
        if (translation.trimmed().isEmpty()) {
            problems << form + u" is empty"_s;
            continue;
        }
        QStringList expected = placeholders(message.source);
        if (message.numerus && !expected.contains(u"%n"_s))
            expected << u"%n"_s;
        if (placeholders(translation) != expected)
            problems << u"%1 has placeholders %2, the source %3"_s.arg(
                form, placeholders(translation).join(u' '), expected.join(u' '));
        const auto want = mnemonics(message.source).size();
        const auto have = mnemonics(translation).size();
        if (want != have)
            problems << u"%1 has %2 mnemonic(s) (&), the source %3"_s.arg(form).arg(have).arg(want);
    }
    if (message.translations.isEmpty())
        problems << u"no translation at all"_s;
    return problems;
}

} // namespace cpis::test
