// Remembered passwords live in the system keychain (QtKeychain), never in a file.
#pragma once

#include <QObject>

#include <functional>

namespace cpis::ui {

class PasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordStore)

public:
    explicit PasswordStore(QObject *parent = nullptr);

    // `account` names the server and the login, e.g. "host=db1 dbname=cpis/jane.okafor".
    // The callback gets an empty string when nothing is stored or the keychain is not there.
    void read(const QString &account, std::function<void(const QString &password)> done);
    void write(const QString &account, const QString &password);
    void remove(const QString &account);

signals:
    void problem(const QString &message);
};

} // namespace cpis::ui
