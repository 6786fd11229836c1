// CSV reading (RFC 4180, refusing what a hostile file might hold) and the formula guard.
#include "domain/csv.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Error invalid(const QString &message)
{
    return Error{u"csv.invalid"_s, message, {}, {}};
}

// The line of the byte at `at`, counting from 1.
int lineOf(const QByteArray &bytes, qsizetype at)
{
    return int(QByteArrayView(bytes).first(at).count('\n')) + 1;
}

std::optional<Error> checkWhole(const QByteArray &bytes, const CsvLimits &limits)
{
    if (bytes.size() > limits.maxBytes)
        return invalid(QStringLiteral("The file is %1 bytes: at most %2 are read.")
                           .arg(bytes.size())
                           .arg(limits.maxBytes));
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return invalid(QStringLiteral("This is not a CSV file: line %1 holds a NUL byte.")
                           .arg(lineOf(bytes, nul)));
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        if (end - start > limits.maxLineLength)
            return invalid(
                QStringLiteral("Line %1 is longer than %2 bytes: this is not a records file.")
                    .arg(lineOf(bytes, start))
                    .arg(limits.maxLineLength));
        start = end + 1;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(bytes));
    if (decoder.hasError())
        return invalid(QStringLiteral("This is not a CSV file: it is not text in UTF-8."));
    return std::nullopt;
}
} // namespace

bool isSpreadsheetFormula(QStringView cell)
{
    return !cell.isEmpty() && QStringView(u"=+-@").contains(cell.front());
}

QString csvField(QString value)
{
    if (isSpreadsheetFormula(value))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r'))
        value = u'"' + value.replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

QString csvCellProblem(QStringView cell)
{
    if (isSpreadsheetFormula(cell))
        return QStringLiteral("starts with %1, which a spreadsheet would run as a formula.")
            .arg(cell.front());
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return QStringLiteral(
                "holds a control character (a line break, a tab, an escape or the like).");
    }
    return {};
}

Result<CsvTable> readCsv(const QByteArray &bytes, const CsvLimits &limits,
                         const CsvProgress &progress)
{
    if (auto problem = checkWhole(bytes, limits))
        return *problem;
    const QString text = QString::fromUtf8(bytes);
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const qsizetype n = text.size();
    int line = 1;
    CsvTable table;
    bool haveHeader = false;
    qsizetype nextReport = 0;
    while (i < n) {
        if (progress && i >= nextReport) {
            if (!progress(qint64(i) * bytes.size() / qMax<qsizetype>(n, 1), bytes.size()))
                return Error{
                    u"csv.cancelled"_s, QStringLiteral("Reading the file was cancelled."), {}, {}};
            nextReport = i + 256 * 1024;
        }
        if (text[i] == u'\n' || (text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n')) {
            i += text[i] == u'\r' ? 2 : 1; // a blank line
            ++line;
            continue;
        }
        CsvRecord record{line, {}};
        QString cell;
        bool endOfRecord = false;
        while (!endOfRecord) {
            cell.clear();
            if (i < n && text[i] == u'"') {
                const int opened = line;
                ++i;
                for (;;) {
                    if (i >= n)
                        return invalid(
                            QStringLiteral("This is not a CSV file: the quote opened on line %1 "
                                           "is never closed.")
                                .arg(opened));
                    if (text[i] == u'"') {
                        if (i + 1 < n && text[i + 1] == u'"') {
                            cell += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == u'\n')
                        ++line;
                    cell += text[i++];
                }
                if (i < n && text[i] != u',' && text[i] != u'\n' &&
                    !(text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n'))
                    return invalid(
                        QStringLiteral("This is not a CSV file: on line %1 a quoted cell is "
                                       "followed by text before the next comma.")
                            .arg(line));
            } else {
                while (i < n && text[i] != u',' && text[i] != u'\n' &&
                       !(text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n')) {
                    if (text[i] == u'"')
                        return invalid(
                            QStringLiteral("This is not a CSV file: line %1 has a quote inside "
                                           "a cell that does not start with one.")
                                .arg(line));
                    cell += text[i++];
                }
            }
            record.cells << cell;
            if (i < n && text[i] == u',') {
                ++i;
                continue;
            }
            endOfRecord = true;
            if (i < n)
                i += text[i] == u'\r' ? 2 : 1;
            ++line;
        }
        if (!haveHeader) {
            table.header = record.cells;
            haveHeader = true;
        } else {
            table.records << std::move(record);
        }
    }
    if (!haveHeader)
        return invalid(
            QStringLiteral("This is not a CSV file: it is empty, without even a header row."));
    if (progress)
        progress(bytes.size(), bytes.size());
    return table;
}

} // namespace cpis
