#include "support/test_cluster_state.h"

#include "db/local_cluster.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cpis::test {

std::optional<TestClusterState> TestClusterState::load(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    TestClusterState state;
    const QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString key = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1);
        if (key == u"directory"_s)
            state.directory = value;
        else if (key == u"socket"_s)
            state.socketDirectory = value;
    }
    if (state.directory.isEmpty() || state.socketDirectory.isEmpty())
        return std::nullopt;
    return state;
}

bool TestClusterState::save(const QString &file) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    out.write((u"directory="_s + directory + u"\nsocket="_s + socketDirectory + u'\n').toUtf8());
    return out.commit();
}

ConnInfo TestClusterState::connInfo(const QString &database) const
{
    return ConnInfo::fromPairs({{u"host"_s, socketDirectory},
                                {u"dbname"_s, database},
                                {u"user"_s, QString::fromLatin1(LocalCluster::kSuperuser)}});
}

} // namespace cpis::test
