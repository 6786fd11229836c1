// For the Welsh window tests: looks at each window a test opens and keeps every visible
// English source text and every mnemonic clash found, each naming the widget.
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace cpis::test {

class WelshWindows
{
public:
    // Looks at `window` as it is now; with CPIS_SCREENSHOT_DIR set, saves it as NAME.png.
    void look(QWidget *window, const QString &name);
    [[nodiscard]] const QStringList &english() const { return m_english; }
    [[nodiscard]] const QStringList &clashes() const { return m_clashes; }
    [[nodiscard]] int windowsLooked() const { return m_looked; }
    [[nodiscard]] QString report() const; // every finding, one a line

private:
    QStringList m_english;
    QStringList m_clashes;
    int m_looked = 0;
};

} // namespace cpis::test
