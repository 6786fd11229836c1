// No information by colour alone: wherever a state colours a cell (overdue, due soon, no key
// worker), the same cell also says it in words, an icon or a tooltip. Each coloured row is
// compared with the same row in its plain state.
#include "display.h"
#include "workview/current_work_model.h"
#include "workview/incoming_requests_model.h"

#include <catch2/catch.hpp>

#include <QIcon>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
bool coloured(const QModelIndex &index)
{
    return index.data(Qt::ForegroundRole).isValid() || index.data(Qt::BackgroundRole).isValid();
}

QString saying(const QModelIndex &index)
{
    const auto icon = index.data(Qt::DecorationRole).value<QIcon>();
    return index.data(Qt::DisplayRole).toString() + u" | "_s +
           index.data(Qt::ToolTipRole).toString() + (icon.isNull() ? u""_s : u" | icon"_s);
}

// "column N: coloured but says the same as when plain" for every cell colour alone marks.
QStringList colourOnly(const QAbstractItemModel &marked, const QAbstractItemModel &plain)
{
    QStringList problems;
    for (int column = 0; column < marked.columnCount(); ++column) {
        const QModelIndex m = marked.index(0, column);
        const QModelIndex p = plain.index(0, column);
        if (coloured(m) && !coloured(p) && saying(m) == saying(p))
            problems << u"column %1 is coloured but says only \"%2\""_s.arg(column).arg(saying(m));
    }
    return problems;
}

CurrentWorkItem step(const QDateTime &due, const QString &keyWorker)
{
    CurrentWorkItem item;
    item.stepId = 1;
    item.type = u"CPIS Follow Up"_s;
    item.subjectId = 3549728;
    item.subjectName = u"Thomas Turner"_s;
    item.title = u"CPIS Follow Up"_s;
    item.state = u"incoming"_s;
    item.receivedAt = due.addDays(-1);
    item.dueAt = due;
    item.keyWorker = keyWorker;
    item.source = u"ae"_s;
    return item;
}
} // namespace

TEST_CASE("Current work says overdue, due soon and no key worker in words, not colour alone",
          "[gui]")
{
    const QDateTime now = QDateTime::currentDateTime();
    ui::CurrentWorkModel plain;
    plain.setNow(now);
    plain.setRows({step(now.addDays(2), u"Jane Okafor"_s)});
    for (const auto &[due, keyWorker, meaning] :
         {std::tuple{now.addSecs(-60), u"Jane Okafor"_s, u"Overdue"_s},
          std::tuple{now.addSecs(3600), u"Jane Okafor"_s, u"Due soon"_s},
          std::tuple{now.addDays(2), QString(), u"No key worker"_s}}) {
        INFO(meaning.toStdString());
        ui::CurrentWorkModel marked;
        marked.setNow(now);
        marked.setRows({step(due, keyWorker)});
        const QStringList problems = colourOnly(marked, plain);
        INFO(problems.join(u'\n').toStdString());
        CHECK(problems.isEmpty());
        bool said = false;
        for (int column = 0; column < marked.columnCount(); ++column)
            said = said || marked.index(0, column).data().toString().contains(meaning);
        CHECK(said);
    }
    // And the overdue cell has its icon, so it reads without the words' colour too.
    ui::CurrentWorkModel overdue;
    overdue.setNow(now);
    overdue.setRows({step(now.addSecs(-60), u"Jane Okafor"_s)});
    CHECK_FALSE(overdue.index(0, ui::CurrentWorkModel::Due)
                    .data(Qt::DecorationRole)
                    .value<QIcon>()
                    .isNull());
}

TEST_CASE("Incoming requests say overdue in words and an icon, not colour alone", "[gui]")
{
    const QDateTime now = QDateTime::currentDateTime();
    IncomingRequest request;
    request.requestId = 7;
    request.subjectId = 3549728;
    request.subjectName = u"Thomas Turner"_s;
    request.type = u"CS Notification to Allocated Worker - CPIS Follow Up"_s;
    request.stepTitle = u"CPIS Follow Up"_s;
    request.sentAt = now.addDays(-1);
    request.state = u"sent"_s;
    request.awaitingCaseNote = true;
    request.caseNoteExpected = u"required"_s;
    IncomingRequest onTime = request;
    onTime.dueAt = now.addDays(2);
    IncomingRequest late = request;
    late.dueAt = now.addSecs(-60);
    ui::IncomingRequestsModel plain; // judged against when the rows came: now
    plain.setRows({onTime});
    ui::IncomingRequestsModel marked;
    marked.setRows({late});
    const QStringList problems = colourOnly(marked, plain);
    INFO(problems.join(u'\n').toStdString());
    CHECK(problems.isEmpty());
    CHECK(marked.index(0, ui::IncomingRequestsModel::Due).data().toString().contains(u"Overdue"_s));
}
