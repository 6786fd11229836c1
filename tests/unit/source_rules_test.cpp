// Rules about where things live that no compiler checks: colours only in the palette place
// (ui/display.cpp), every table on the row-model template (no QTableWidget), and every SQL
// function file listed in resources/sql/functions/ORDER (the migrator applies only those).
#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

struct Rule
{
    QString name; // what the line does, as the report says it
    QRegularExpression pattern;
};

// Colours written outside the palette place: hex colours, QColor from literal values, Qt's
// named colour constants, and colours in style sheets or rich text.
const QList<Rule> &colourRules()
{
    static const QList<Rule> rules{
        {u"a hex colour"_s,
         QRegularExpression(
             uR"re((?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b)re"_s)},
        {u"a QColor of literal values"_s,
         QRegularExpression(uR"re(QColor\s*(?:::fromRgb\w*\s*)?\(\s*(?:0x|\d|u?"|Qt::))re"_s)},
        {u"a Qt colour constant"_s,
         QRegularExpression(
             uR"re(\bQt::(?:white|black|red|green|blue|cyan|magenta|yellow|gray|lightGray|dark(?:Red|Green|Blue|Cyan|Magenta|Yellow|Gray))\b)re"_s)},
        {u"a colour in a style sheet"_s,
         QRegularExpression(u"\\bcolou?r\\s*:"_s, QRegularExpression::CaseInsensitiveOption)},
    };
    return rules;
}

const QList<Rule> &tableWidgetRules()
{
    static const QList<Rule> rules{
        {u"a QTableWidget (use RowTableModel and a QTableView)"_s,
         QRegularExpression(u"\\bQTableWidget\\b"_s)},
    };
    return rules;
}

// "ui/x.cpp:12: a hex colour" for each line under root/ui that breaks a rule, except the
// files in `allowed` (paths relative to root).
QStringList scanUi(const QString &root, const QList<Rule> &rules, const QSet<QString> &allowed)
{
    QStringList found;
    QDirIterator it(root + u"/ui"_s, {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(root.size() + 1);
        if (allowed.contains(relative))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found.append(relative + u": unreadable"_s);
            continue;
        }
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i));
            for (const Rule &rule : rules)
                if (rule.pattern.match(line).hasMatch())
                    found.append(u"%1:%2: %3"_s.arg(relative).arg(i + 1).arg(rule.name));
        }
    }
    found.sort();
    return found;
}

QStringList colourViolations(const QString &root)
{
    return scanUi(root, colourRules(), {u"ui/display.cpp"_s});
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

int uiFileCount(const QString &root)
{
    int files = 0;
    QDirIterator it(root + u"/ui"_s, {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    return files;
}

} // namespace

TEST_CASE("Colours are written only in the palette place, ui/display.cpp", "[unit]")
{
    const QString root = QStringLiteral(CPIS_SOURCE_DIR);
    CHECK(uiFileCount(root) > 100); // the tree was found
    const QStringList found = colourViolations(root);
    INFO(found.join(u'\n').toStdString());
    CHECK(found.isEmpty());
}

TEST_CASE("The colour check names the file and line of each colour outside the palette place",
          "[unit]")
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + u"/ui/display.cpp"_s, "return QColor(0xa6, 0x1b, 0x1b); // \"color: #b00020\"\n");
    write(root + u"/ui/person/dialog.cpp"_s,
          "#include \"display.h\"\n"
          "    message->setStyleSheet(u\"color: #b00020\"_s);\n"
          "    label->setText(u\"&#169; 2026\"_s); // an entity, not a colour\n"
          "    pen.setColor(Qt::darkGray);\n");
    write(root + u"/ui/admin/chart.h"_s,
          "#define LINE QColor(0x00, 0x5e, 0xb8)\n"
          "    auto c = Display::toneColour(Tone::Problem); // QColor(Display...) is fine\n"
          "    \"<span style='COLOR:gray'>\"\n");

    CHECK(colourViolations(root) == QStringList{
                                        u"ui/admin/chart.h:1: a QColor of literal values"_s,
                                        u"ui/admin/chart.h:3: a colour in a style sheet"_s,
                                        u"ui/person/dialog.cpp:2: a colour in a style sheet"_s,
                                        u"ui/person/dialog.cpp:2: a hex colour"_s,
                                        u"ui/person/dialog.cpp:4: a Qt colour constant"_s,
                                    });
}

TEST_CASE("Every table under ui/ is a QTableView on the row-model template", "[unit]")
{
    const QString root = QStringLiteral(CPIS_SOURCE_DIR);
    const QStringList found = scanUi(root, tableWidgetRules(), {});
    INFO(found.join(u'\n').toStdString());
    CHECK(found.isEmpty());

    QTemporaryDir dir;
    write(dir.path() + u"/ui/person/plans.cpp"_s, "#include <QTableView>\n#include <QTableWidget>\n"
                                                  "auto *item = new QTableWidgetItem(text);\n");
    CHECK(scanUi(dir.path(), tableWidgetRules(), {}) ==
          QStringList{u"ui/person/plans.cpp:2: a QTableWidget (use RowTableModel and a "
                      u"QTableView)"_s});
}

TEST_CASE("The functions ORDER lists exactly the SQL files of its folder, each once", "[unit]")
{
    const QString folder = QStringLiteral(CPIS_SOURCE_DIR) + u"/resources/sql/functions"_s;
    QFile order(folder + u"/ORDER"_s);
    REQUIRE(order.open(QIODevice::ReadOnly));
    QStringList listed;
    for (const QByteArray &raw : order.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            listed.append(line);
    }
    const QStringList files = QDir(folder).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    REQUIRE(files.size() > 10); // the folder was found

    QStringList missing;
    for (const QString &file : files)
        if (!listed.contains(file))
            missing.append(file);
    QStringList unknown;
    QSet<QString> seen;
    QStringList twice;
    for (const QString &entry : listed) {
        if (!files.contains(entry))
            unknown.append(entry);
        if (seen.contains(entry))
            twice.append(entry);
        seen.insert(entry);
    }
    INFO("in the folder, not in ORDER (never applied): " << missing.join(u", "_s).toStdString());
    CHECK(missing.isEmpty());
    INFO("in ORDER, not in the folder: " << unknown.join(u", "_s).toStdString());
    CHECK(unknown.isEmpty());
    INFO("in ORDER twice: " << twice.join(u", "_s).toStdString());
    CHECK(twice.isEmpty());
}
