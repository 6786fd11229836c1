// The step's document as the key worker reads it: the child's details, the notification
// (who accessed, role, organisation, location, time), the note, the next actions and the
// request, as rich text that prints and saves as PDF.
#pragma once

#include "result.h"
#include "workflow/workflow_types.h"

#include <QCoreApplication>
#include <QString>

class QTextDocument;

namespace cpis::ui {

struct RequestDocument
{
    Q_DECLARE_TR_FUNCTIONS(RequestDocument)

public:
    static QString html(const StepDetail &step, const IncomingRequest &request);
    // A4, the document's own fonts; false with a message when the file cannot be written.
    static Status writePdf(QTextDocument &document, const QString &fileName);
};

} // namespace cpis::ui
