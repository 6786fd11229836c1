#include "db/change_listener.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace cpis {

ChangeListener::ChangeListener(QObject *parent) : QObject(parent) {}

ChangeListener::~ChangeListener() = default;

Status ChangeListener::listen(const ConnInfo &info)
{
    auto connection = Connection::open(info);
    if (!connection)
        return connection.error();
    m_connection = std::move(*connection);
    QSqlDriver *driver = m_connection->database().driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel))) {
        return Error{u"db.listen"_s,
                     u"Could not listen for changes: %1"_s.arg(driver->lastError().text()),
                     {},
                     {}};
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                if (name != QLatin1StringView(kChannel))
                    return;
                const QJsonObject hint =
                    QJsonDocument::fromJson(payload.toString().toUtf8()).object();
                emit changed(hint.value(u"kind"_s).toString(), hint.value(u"id"_s).toInteger());
            });
    return success();
}

} // namespace cpis
