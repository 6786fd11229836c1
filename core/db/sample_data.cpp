#include "db/sample_data.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis {

Result<SampleDataOutcome> loadSampleData(Connection &connection)
{
    auto present =
        connection.scalar(u"SELECT EXISTS (SELECT 1 FROM worker WHERE login = 'sam.admin')"_s);
    if (!present)
        return present.error();
    if (present->toBool())
        return SampleDataOutcome::AlreadyThere;

    QFile file(u":/sample/sample_data.sql"_s);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            u"sample.missing"_s, u"The sample data is not built into this program."_s, {}, {}};
    Transaction tx(connection);
    if (!tx.started())
        return tx.beginError();
    if (auto loaded = connection.execScript(QString::fromUtf8(file.readAll())); !loaded) {
        Error e = loaded.error();
        e.message = u"Loading the sample data failed: "_s + e.message;
        if (e.sqlState == u"42501"_s)
            e.hint = u"Load sample data as the database's owner."_s;
        return e;
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return SampleDataOutcome::Loaded;
}

} // namespace cpis
