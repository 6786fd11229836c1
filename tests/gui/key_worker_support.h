// For key worker tests: a Safeguarding Admin sends the world's step to the key worker
// through core, as the admin's client would, and finishes it.
#pragma once

#include "gui/gui_support.h"
#include "request/request_window.h"
#include "support/case_world.h"
#include "workflow/step_service.h"
#include "workview/incoming_requests_model.h"

#include <catch2/catch.hpp>

#include <QTableView>

namespace cpis::test {

// Sends the proposed request (template and recipient for the step's source); returns its id.
inline qint64 sendRequestToKeyWorker(const CaseWorld &world, qint64 stepId)
{
    auto admin = world.connectAs(world.admin);
    StepService steps(*admin);
    int version = require(steps.start(stepId));
    const RequestProposal proposal = require(steps.proposeRequest(stepId));
    const auto added = require(
        steps.addRequest(stepId, version, proposal.recipientId, proposal.note, proposal.source));
    version = added.rowVersion;
    NextActionInput action;
    action.reason = QStringLiteral("Notification passed to allocated worker");
    version = require(steps.addNextAction(stepId, version, action)).rowVersion;
    version = require(steps.save(stepId, version));
    REQUIRE(steps.finish(stepId, version).ok());
    return added.id;
}

// Clicks the request link on the first row of Incoming requests, as the key worker does, and
// returns the request window once loaded, at 1280 x 800.
inline ui::RequestWindow *openRequestByLink(ui::MainWindow &window, qint64 requestId)
{
    auto *table = child<QTableView>(&window, QStringLiteral("incomingRequestsTable"));
    const QModelIndex link = table->model()->index(0, ui::IncomingRequestsModel::Request);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(link).center());
    ui::RequestWindow *request = nullptr;
    REQUIRE(waitFor([&] {
        request = window.requestWindow(requestId);
        return request && request->isLoaded();
    }));
    request->resize(1280, 800);
    return request;
}

// The key worker's only incoming request, opened with the keyboard (Enter on its row), loaded.
inline ui::RequestWindow *openFirstRequest(ui::MainWindow *window, qint64 requestId)
{
    auto *table = child<QTableView>(window, QStringLiteral("incomingRequestsTable"));
    REQUIRE(waitFor([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    ui::RequestWindow *request = nullptr;
    REQUIRE(waitFor([&] {
        request = window->requestWindow(requestId);
        return request && request->isLoaded();
    }));
    return request;
}

} // namespace cpis::test
