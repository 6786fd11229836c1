// Writes a file whole or not at all: QSaveFile writes beside the target and renames only
// once everything is written, so a failed or stopped write leaves any file already at the
// path as it was. Written in pieces, so long writes can report progress and be stopped.
#pragma once

#include "result.h"

#include <QByteArrayList>

#include <functional>

namespace cpis {

// Called between pieces with how many are written; returning false stops the write.
using WriteProgress = std::function<bool(qint64 done, qint64 total)>;

Status writeWholeFile(const QString &path, const QByteArrayList &pieces,
                      const WriteProgress &progress = {});

} // namespace cpis
