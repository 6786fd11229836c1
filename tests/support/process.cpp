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

} // namespace cpis::test
