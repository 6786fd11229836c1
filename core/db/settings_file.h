// The [database] section of the site file (/etc/cpis-workview/cpis-workview.conf) and of the
// user's own (the client's settings file): read the same way by every program, every mistake an
// error naming the file and line, never a silent fallback to another database.
#pragma once

#include "result.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace cpis {

// The site file: $CPIS_SITE_CONFIG when set (for tests and packagers), else
// /etc/cpis-workview/cpis-workview.conf.
QString siteSettingsFile(const QProcessEnvironment &env);
// The user's own: $XDG_CONFIG_HOME (else ~/.config) /cpis-workview/cpis-workview.conf, the
// file where the client keeps its settings (QSettings).
QString userSettingsFile(const QProcessEnvironment &env);

struct DatabaseSetting
{
    QString file;
    int line = 0; // of the conninfo= line
    QString conninfo;
};

enum class SettingsFileKind {
    Site, // holds only [database]; any other section is a mistake
    User, // also holds the client's own settings, left to it
};

// The conninfo= of the file's [database] section; nothing when the file does not exist or
// has no [database] section. An unreadable file, an unknown section (site file) or key, a value
// the client's QSettings would read differently, or a connection string libpq refuses is an
// error ("db.settings_file") naming the file and line.
Result<std::optional<DatabaseSetting>> readDatabaseSetting(const QString &file,
                                                           SettingsFileKind kind);

} // namespace cpis
