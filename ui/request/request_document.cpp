#include "request/request_document.h"
#include "workflow/display_names.h"

#include "display.h"

#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return u"<tr><th align=left valign=top style='padding-right:16px'>"_s + esc(label) +
           u"</th><td>"_s + esc(value) + u"</td></tr>"_s;
}

QString paragraphs(const QString &text)
{
    QString out;
    for (const QString &line : text.split(u'\n'))
        out += u"<p style='margin:2px 0'>"_s + esc(line) + u"</p>"_s;
    return out;
}
} // namespace

QString RequestDocument::html(const StepDetail &step, const IncomingRequest &request)
{
    QString h = u"<html><body style='font-family: sans-serif'>"_s;
    h += u"<h2>"_s + esc(tr("%1 : %2 %3").arg(step.title, step.subjectName).arg(step.subjectId)) +
         u"</h2>"_s;
    h += u"<p>"_s +
         esc(tr("Received %1 · Source %2 · Step %3")
                 .arg(Display::dateTime(step.receivedAt), Display::source(step.source),
                      DisplayNames::stepState(step.state))) +
         u"</p>"_s;

    h += u"<h3>"_s + esc(tr("Child's Details")) + u"</h3><table cellspacing=4>"_s;
    h += row(tr("Child's Name"), step.subjectName);
    h += row(tr("Person ID"), QString::number(step.subjectId));
    h += row(tr("Gender"), DisplayNames::gender(step.gender));
    h += row(tr("Date of Birth"), Display::date(step.dateOfBirth));
    h += row(tr("Age"), Display::age(step.dateOfBirth));
    h += u"</table>"_s;

    h += u"<h3>"_s + esc(tr("Notification (who accessed CP-IS)")) + u"</h3>"_s;
    h += step.comments.isEmpty() ? u"<p>"_s + esc(tr("No details recorded.")) + u"</p>"_s
                                 : paragraphs(step.comments);

    h += u"<h3>"_s + esc(tr("Request")) + u"</h3><table cellspacing=4>"_s;
    h += row(tr("Request"), request.type + u": "_s + request.stepTitle);
    h += row(tr("Sent"), Display::dateTime(request.sentAt));
    for (const StepRequest &r : step.requests) {
        if (r.id != request.requestId)
            continue;
        h += row(tr("To"), r.recipient);
        h += row(tr("Acknowledged"),
                 r.acknowledgedAt.isValid()
                     ? tr("by %1 at %2").arg(r.acknowledgedBy, Display::dateTime(r.acknowledgedAt))
                     : tr("Not yet"));
    }
    h += u"</table><h4>"_s + esc(tr("Note")) + u"</h4>"_s + paragraphs(request.note);

    h += u"<h3>"_s + esc(tr("Next actions")) + u"</h3>"_s;
    if (step.nextActions.isEmpty()) {
        h += u"<p>"_s + esc(tr("None.")) + u"</p>"_s;
    } else {
        h += u"<table border=1 cellspacing=0 cellpadding=4><tr>"_s;
        for (const QString &head : {tr("Next action"), tr("Assigned to"), tr("Reason"), tr("Note"),
                                    tr("Priority"), tr("Status")})
            h += u"<th align=left>"_s + esc(head) + u"</th>"_s;
        h += u"</tr>"_s;
        for (const NextAction &a : step.nextActions) {
            h += u"<tr>"_s;
            for (const QString &cell :
                 {a.action, a.assignedTo, a.reason, a.note, DisplayNames::priority(a.priority),
                  DisplayNames::nextActionStatus(a.status)})
                h += u"<td>"_s + esc(cell) + u"</td>"_s;
            h += u"</tr>"_s;
        }
        h += u"</table>"_s;
    }
    h += u"</body></html>"_s;
    return h;
}

Status RequestDocument::writePdf(QTextDocument &document, const QString &fileName)
{
    // Whole or not at all: a failed write leaves no half-written PDF behind.
    QSaveFile file(fileName);
    const auto failed = [&] {
        return Error{
            u"pdf.write"_s, tr("Could not write %1: %2").arg(fileName, file.errorString()), {}, {}};
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        document.print(&writer);
    }
    if (!file.commit())
        return failed();
    return success();
}

} // namespace cpis::ui
