// gzip (RFC 1952) on top of zlib, for MESH bodies sent or served with Content-Encoding: gzip.
// Qt's qCompress/qUncompress speak the zlib format with a length prefix, not gzip.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <limits>
#include <optional>

namespace cpis {

QByteArray gzipCompress(QByteArrayView data);

// Inflates one gzip member or several back to back (which is what independently compressed
// chunks become when joined). Empty input gives an empty result; corrupt or truncated input
// gives nothing, and so does more than maxBytes of output: a few kilobytes can inflate to
// gigabytes.
// When given, *tooLarge says which of the two it was.
std::optional<QByteArray> gzipDecompress(QByteArrayView data,
                                         qsizetype maxBytes = std::numeric_limits<qsizetype>::max(),
                                         bool *tooLarge = nullptr);

} // namespace cpis
