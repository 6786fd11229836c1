// Runs the project's own programs (cpisctl, cpis-workview) as a user would.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace cpis::test {

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

ProcessResult runProgram(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                         int timeoutMs = 120000, const QByteArray &input = {});
ProcessResult runCpisctl(const QStringList &args,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// With `input` on standard input (e.g. for --stdin, --password-stdin).
ProcessResult runCpisctl(const QStringList &args, const QByteArray &input,
                         const QProcessEnvironment &env);

// The environment with every variable that could choose a database removed.
QProcessEnvironment cleanEnvironment();

// The exchange service (cpisctl exchange) as its own process, for as long as the object
// lives; stopped as systemd stops it (SIGTERM), killed if it will not stop.
class ExchangeService
{
public:
    explicit ExchangeService(const QString &conninfo);
    ~ExchangeService();
    Q_DISABLE_COPY_MOVE(ExchangeService)

    // Stops it as systemd does (SIGTERM), killing it if it will not stop.
    void stop();

    // Whether its output (stdout and stderr) so far contains `text`.
    bool said(const QString &text);
    // How many times it has said `text` so far.
    qsizetype timesSaid(const QString &text);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] const QString &output() const { return m_output; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_output;
};

} // namespace cpis::test
