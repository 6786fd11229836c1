// For the language tests: the client's Welsh catalogue installed for the life of the object,
// loaded the way the client loads it, and English again afterwards.
#pragma once

#include "language/interface_language.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QTranslator>

namespace cpis::test {

class WelshTranslator
{
public:
    WelshTranslator()
    {
        QString problem;
        m_translator = ui::InterfaceLanguage::loadCatalogue(u"cy"_qs, &problem);
        INFO(problem.toStdString());
        REQUIRE(m_translator);
        QCoreApplication::installTranslator(m_translator.get());
        ui::InterfaceLanguage::useLocale(u"cy"_qs);
    }
    ~WelshTranslator()
    {
        QCoreApplication::removeTranslator(m_translator.get());
        ui::InterfaceLanguage::useLocale(u"en_GB"_qs);
    }
    WelshTranslator(const WelshTranslator &) = delete;
    WelshTranslator &operator=(const WelshTranslator &) = delete;

private:
    std::unique_ptr<QTranslator> m_translator;
};

} // namespace cpis::test
