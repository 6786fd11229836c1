#include "support/process.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace cpis::test {

ProcessResult runProgram(const QString &program, const QStringList &args,
                         const QProcessEnvironment &env, int timeoutMs, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, u"timed out or failed to start: "_s + process.errorString()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

ProcessResult runCpisctl(const QStringList &args, const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(CPIS_CPISCTL), args, env);
}

ProcessResult runCpisctl(const QStringList &args, const QByteArray &input,
                         const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(CPIS_CPISCTL), args, env, 120000, input);
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"CPIS_DATABASE", "PGHOST", "PGSERVICE", "PGDATABASE", "PGUSER", "CPIS_DATA_DIR"})
        env.remove(QString::fromLatin1(name));
    return env;
}

ExchangeService::ExchangeService(const QString &conninfo) : m_process(std::make_unique<QProcess>())
{
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral(CPIS_CPISCTL), {u"exchange"_s, u"--database"_s, conninfo});
    m_process->waitForStarted();
}

ExchangeService::~ExchangeService()
{
    stop();
}

void ExchangeService::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        m_process->kill();
    m_process->waitForFinished();
    m_output += QString::fromUtf8(m_process->readAll());
}

bool ExchangeService::said(const QString &text)
{
    return timesSaid(text) > 0;
}

qsizetype ExchangeService::timesSaid(const QString &text)
{
    m_output += QString::fromUtf8(m_process->readAll());
    return m_output.count(text);
}

bool ExchangeService::isRunning() const
{
    return m_process->state() == QProcess::Running;
}

} // namespace cpis::test
