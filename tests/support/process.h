// Runs the project's own programs (cpisctl, cpis-workview) as a user would.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

} // namespace cpis::test
