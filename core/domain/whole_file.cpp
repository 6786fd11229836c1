#include "domain/whole_file.h"

#include <QDir>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr qsizetype kPiecesBetweenReports = 1000;

Error writeError(const QString &path, const QString &why)
{
    return Error{u"file.write"_s,
                 u"%1 could not be written: %2. Nothing was saved."_s.arg(
                     QDir::toNativeSeparators(path), why),
                 {},
                 u"Choose another folder and try again."_s};
}
} // namespace

Status writeWholeFile(const QString &path, const QByteArrayList &pieces,
                      const WriteProgress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    const qsizetype total = pieces.size();
    for (qsizetype i = 0; i < total; ++i) {
        if (progress && i % kPiecesBetweenReports == 0 && !progress(i, total)) {
            file.cancelWriting();
            return Error{u"cancelled"_s, u"Cancelled: nothing was saved."_s, {}, {}};
        }
        if (file.write(pieces.at(i)) != pieces.at(i).size())
            return writeError(path, file.errorString());
    }
    if (progress)
        (void)progress(total, total);
    if (!file.commit())
        return writeError(path, file.errorString());
    return success();
}

} // namespace cpis
