// The Configuration tools' Exchange tab: the MESH server, mailboxes, secrets, certificates,
// schedule and the records import folder, and a connection test with what is typed (nothing is
// saved by testing).
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cpis::ui {

class ConfigurationFields;

class ConfigurationExchangeTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationExchangeTab)

public:
    explicit ConfigurationExchangeTab(ConfigurationFields *fields);

    // A MESH handshake with the fields as typed, on a thread of its own.
    void testConnection();

signals:
    void connectionTested(bool ok);

private:
    ConfigurationFields *m_fields;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
};

} // namespace cpis::ui
