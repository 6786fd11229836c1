#include "db/sample_data.h"
#include "db/rows.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
Result<QString> builtIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            u"sample.missing"_s, u"The sample data is not built into this program."_s, {}, {}};
    return QString::fromUtf8(file.readAll());
}

Error loadingFailed(Error e, const QString &what)
{
    e.message = u"Loading the %1 failed: "_s.arg(what) + e.message;
    if (e.sqlState == u"42501"_s)
        e.hint = u"Load sample data as the database's owner."_s;
    return e;
}
} // namespace

Result<bool> hasSampleData(Connection &connection)
{
    // Before the first migration there is no worker table, and so no sample data.
    auto tables = queryValue(connection, u"SELECT to_regclass('worker') IS NOT NULL"_s);
    if (!tables)
        return tables.error();
    if (!tables->boolean())
        return false;
    auto present =
        queryValue(connection, u"SELECT EXISTS (SELECT 1 FROM worker WHERE login = 'sam.admin')"_s);
    if (!present)
        return present.error();
    return present->boolean();
}

Result<SampleDataOutcome> loadSampleData(Connection &connection)
{
    auto present = hasSampleData(connection);
    if (!present)
        return present.error();
    if (*present)
        return SampleDataOutcome::AlreadyThere;

    auto script = builtIn(u":/sample/sample_data.sql"_s);
    if (!script)
        return script.error();
    Transaction tx(connection);
    if (!tx.started())
        return tx.beginError();
    if (auto loaded = connection.execScript(*script); !loaded)
        return loadingFailed(loaded.error(), u"sample data"_s);
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return SampleDataOutcome::Loaded;
}

Result<SampleDataOutcome> loadScaleData(Connection &connection, int children,
                                        const std::function<void(const QString &)> &progress)
{
    if (children < 1 || children > kMaxScaleChildren)
        return Error{
            u"sample.scale"_s,
            u"The scale must be a number of children from 1 to %1."_s.arg(kMaxScaleChildren),
            {},
            {}};
    auto present = queryValue(
        connection, u"SELECT EXISTS (SELECT 1 FROM person WHERE legal_surname LIKE 'Scale-%')"_s);
    if (!present)
        return present.error();
    if (present->boolean())
        return SampleDataOutcome::AlreadyThere;
    if (auto sample = loadSampleData(connection); !sample)
        return sample.error();
    auto script = builtIn(u":/sample/scale_data.sql"_s);
    if (!script)
        return script.error();

    Transaction tx(connection);
    if (!tx.started())
        return tx.beginError();
    if (auto set = execute(connection, u"SELECT set_config('cpis.scale_children', $1, true)"_s,
                           {QString::number(children)});
        !set)
        return set.error();
    // Each "-- step: name" line starts a step; what comes before the first is the header.
    const QString marker = u"\n-- step: "_s;
    const QStringList steps = script->split(marker);
    for (qsizetype i = 1; i < steps.size(); ++i) {
        const QString name = steps[i].section(u'\n', 0, 0).trimmed();
        if (progress)
            progress(name);
        if (auto done = connection.execScript(steps[i].section(u'\n', 1)); !done)
            return loadingFailed(done.error(), u"scale data (%1)"_s.arg(name));
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return SampleDataOutcome::Loaded;
}

} // namespace cpis
