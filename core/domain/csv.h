// CSV as RFC 4180 says (comma, double-quote quoting, CRLF or LF), read with the care hostile
// files need (size and line-length limits, NUL, bad UTF-8, unclosed quotes), and the guard
// every CSV this program writes or reads shares: a cell a spreadsheet would run as a formula.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

namespace cpis {

// Whether a spreadsheet would take the cell for a formula: it starts with =, +, - or @.
bool isSpreadsheetFormula(QStringView cell);

// The cell as written to a CSV file: a formula made text with a leading apostrophe, quoted
// when it holds a comma, a quote or a line break.
QString csvField(QString value);

// What is wrong with a cell read from a file, in words, or empty when nothing is: a formula, or
// a control character (line breaks and tabs included: every cell is one line).
QString csvCellProblem(QStringView cell);

struct CsvLimits
{
    qint64 maxBytes = 64LL * 1024 * 1024; // the whole file
    int maxLineLength = 4096;             // one physical line, in bytes
};

struct CsvRecord
{
    int line = 0; // where the record starts, 1 for the header
    QStringList cells;
};

struct CsvTable
{
    QStringList header;
    QList<CsvRecord> records;
};

// Called as the file is read with how many bytes are done; returning false stops it.
using CsvProgress = std::function<bool(qint64 done, qint64 total)>;

// The header and records of a whole file. A file that breaks the limits, holds a NUL, is not
// UTF-8 or is not CSV (an unclosed quote, text after a closing quote, no header) is refused
// whole, with one line saying what and where ("csv.invalid"). A byte-order mark is skipped;
// blank lines are skipped.
Result<CsvTable> readCsv(const QByteArray &bytes, const CsvLimits &limits = {},
                         const CsvProgress &progress = {});

} // namespace cpis
