#include "db/settings_file.h"

#include "db/conn_info.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
const QString kSection = u"database"_s;
const QString kKey = u"conninfo"_s;

Error mistake(const QString &file, int line, const QString &what, const QString &hint = {})
{
    const QString where = line > 0 ? u"%1, line %2"_s.arg(file).arg(line) : file;
    return Error{u"db.settings_file"_s,
                 u"The settings file %1: %2"_s.arg(where, what),
                 {},
                 hint.isEmpty() ? u"The file holds a [database] section with one line, "
                                  u"conninfo=\"host=NAME dbname=NAME\"."_s
                                : hint};
}

// A value as QSettings (the client's settings) reads it: backslash escapes, double quotes
// around any part. An unquoted comma or semicolon QSettings would take as a list or a comment,
// so it must be quoted: a multi-host list then reaches every program whole.
Result<QString> unescaped(const QString &raw)
{
    QString value;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'"') {
            quoted = !quoted;
        } else if (c == u'\\') {
            if (++i == raw.size())
                return Error{{}, u"the value ends with a lone backslash"_s, {}, {}};
            const QChar e = raw.at(i);
            if (e == u'n')
                value += u'\n';
            else if (e == u't')
                value += u'\t';
            else if (e == u'\\' || e == u'"' || e == u'\'')
                value += e;
            else
                return Error{{}, u"unknown escape \\%1 in the value"_s.arg(e), {}, {}};
        } else if (!quoted && (c == u',' || c == u';')) {
            return Error{{},
                         u"a value with a comma or semicolon must be in double quotes"_s,
                         {},
                         u"Write conninfo=\"host=db1,db2 dbname=cpis\"."_s};
        } else {
            value += c;
        }
    }
    if (quoted)
        return Error{{}, u"a double quote is not closed"_s, {}, {}};
    return value;
}
} // namespace

QString siteSettingsFile(const QProcessEnvironment &env)
{
    const QString pinned = env.value(u"CPIS_SITE_CONFIG"_s);
    return pinned.isEmpty() ? u"/etc/cpis-workview/cpis-workview.conf"_s : pinned;
}

QString userSettingsFile(const QProcessEnvironment &env)
{
    // As QStandardPaths::GenericConfigLocation, where QSettings keeps the client's settings.
    QString base = env.value(u"XDG_CONFIG_HOME"_s);
    if (!QFileInfo(base).isAbsolute())
        base = env.value(u"HOME"_s) + u"/.config"_s;
    return base + u"/cpis-workview/cpis-workview.conf"_s;
}

Result<std::optional<DatabaseSetting>> readDatabaseSetting(const QString &file,
                                                           SettingsFileKind kind)
{
    if (!QFileInfo::exists(file))
        return std::optional<DatabaseSetting>{};
    QFile in(file);
    if (QFileInfo(file).isDir() || !in.open(QIODevice::ReadOnly | QIODevice::Text))
        return mistake(file, 0, u"it cannot be read (%1)"_s.arg(in.errorString()),
                       u"Make it readable by everyone who runs CP-IS Workview (mode 0644)."_s);
    std::optional<DatabaseSetting> found;
    QString section;
    int number = 0;
    while (!in.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return mistake(file, number, u"a section heading must end with ]"_s);
            section = line.mid(1, line.size() - 2).trimmed();
            if (kind == SettingsFileKind::Site && section != kSection)
                return mistake(file, number,
                               u"unknown section [%1]; the only one is [database]"_s.arg(section));
            continue;
        }
        if (kind == SettingsFileKind::User && section != kSection)
            continue; // the client's own settings
        const qsizetype equals = line.indexOf(u'=');
        if (section.isEmpty())
            return mistake(file, number,
                           u"a setting before any section; put it under [database]"_s);
        if (equals < 0)
            return mistake(file, number, u"expected key=value, found \"%1\""_s.arg(line));
        const QString key = line.left(equals).trimmed();
        if (key != kKey)
            return mistake(
                file, number,
                u"unknown key \"%1\" in [database]; the only key is conninfo"_s.arg(key));
        if (found)
            return mistake(file, number,
                           u"conninfo is given twice (first on line %1)"_s.arg(found->line));
        auto value = unescaped(line.mid(equals + 1).trimmed());
        if (!value)
            return mistake(file, number, value.error().message, value.error().hint);
        if (value->trimmed().isEmpty())
            return mistake(file, number, u"conninfo is empty"_s);
        if (auto parsed = ConnInfo::parse(*value); !parsed)
            return mistake(file, number, parsed.error().message, parsed.error().hint);
        found = DatabaseSetting{file, number, *value};
    }
    return found;
}

} // namespace cpis
