// gzip through zlib's deflate/inflate with the gzip wrapper (window bits + 16).
#include "cpis/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace cpis {

namespace {
constexpr int kGzipWindowBits = MAX_WBITS + 16;
constexpr int kMemLevel = 8;
constexpr qsizetype kBufferSize = 256 * 1024;
// zlib counts in uInt; feed larger inputs in slices.
constexpr qsizetype kMaxSlice = std::numeric_limits<uInt>::max() / 2;

class Input
{
public:
    explicit Input(QByteArrayView data) : m_next(data.data()), m_left(data.size()) {}

    // Gives zlib the next slice when it has used up the previous one.
    void feed(z_stream &stream)
    {
        if (stream.avail_in > 0 || m_left == 0)
            return;
        const qsizetype take = std::min(m_left, kMaxSlice);
        // zlib's API is not const-correct; it never writes through next_in.
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(m_next));
        stream.avail_in = static_cast<uInt>(take);
        m_next += take;
        m_left -= take;
    }
    [[nodiscard]] bool exhausted(const z_stream &stream) const
    {
        return m_left == 0 && stream.avail_in == 0;
    }

private:
    const char *m_next;
    qsizetype m_left;
};

void setOutput(z_stream &stream, QByteArray &buffer)
{
    stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
    stream.avail_out = static_cast<uInt>(buffer.size());
}

void collect(QByteArray &out, const QByteArray &buffer, const z_stream &stream)
{
    out.append(buffer.constData(), buffer.size() - static_cast<qsizetype>(stream.avail_out));
}
} // namespace

QByteArray gzipCompress(QByteArrayView data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("zlib could not start a deflate stream (out of memory)");
    QByteArray out;
    out.reserve(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))));
    QByteArray buffer(kBufferSize, Qt::Uninitialized);
    Input input(data);
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        input.feed(stream);
        setOutput(stream, buffer);
        result = deflate(&stream, input.exhausted(stream) ? Z_FINISH : Z_NO_FLUSH);
        collect(out, buffer, stream);
    }
    deflateEnd(&stream);
    return out;
}

std::optional<QByteArray> gzipDecompress(QByteArrayView data, qsizetype maxBytes, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    if (data.isEmpty())
        return QByteArray();
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        qFatal("zlib could not start an inflate stream (out of memory)");
    QByteArray out;
    QByteArray buffer(kBufferSize, Qt::Uninitialized);
    Input input(data);
    bool complete = false;
    for (;;) {
        input.feed(stream);
        setOutput(stream, buffer);
        const int result = inflate(&stream, Z_NO_FLUSH);
        collect(out, buffer, stream);
        if (out.size() > maxBytes) {
            if (tooLarge)
                *tooLarge = true;
            break;
        }
        if (result == Z_STREAM_END) {
            if (input.exhausted(stream)) {
                complete = true;
                break;
            }
            inflateReset(&stream); // another gzip member follows
            continue;
        }
        if (result == Z_OK)
            continue;
        if (result == Z_BUF_ERROR && !input.exhausted(stream))
            continue;
        break; // corrupt, or the input ended inside a member
    }
    inflateEnd(&stream);
    if (!complete)
        return std::nullopt;
    return out;
}

} // namespace cpis
