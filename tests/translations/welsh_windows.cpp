#include "translations/welsh_windows.h"

#include "gui/gui_support.h"
#include "translations/english_sources.h"
#include "translations/visible_texts.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
const EnglishSources &sources()
{
    static const EnglishSources read = [] {
        QString problem;
        const auto welsh = TsCatalogue::read(QStringLiteral(CPIS_WELSH_TS), &problem);
        INFO(problem.toStdString());
        REQUIRE(welsh);
        return EnglishSources(*welsh);
    }();
    return read;
}
} // namespace

void WelshWindows::look(QWidget *window, const QString &name)
{
    QTest::qWait(20); // let queued layout and text updates land
    ++m_looked;
    screenshot(window, name);
    for (const VisibleText &t : visibleTexts(window)) {
        if (const QString source = sources().match(t.text); !source.isEmpty())
            m_english << u"%1: %2: \"%3\" is English (source \"%4\")"_s.arg(name, t.where, t.text,
                                                                            source);
    }
    for (const QString &clash : mnemonicClashes(window))
        m_clashes << name + u": "_s + clash;
    m_english.removeDuplicates();
    m_clashes.removeDuplicates();
}

QString WelshWindows::report() const
{
    return u"\n  "_s + (m_english + m_clashes).join(u"\n  "_s);
}

} // namespace cpis::test
