#include "step/follow_up_section.h"
#include "workflow/display_names.h"

#include "display.h"
#include "step/section_widgets.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

FollowUpSection::FollowUpSection(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"followUpSection"_s);
    setMaximumWidth(1100); // on a wide screen, keep the details together

    auto *details = new QGroupBox(tr("Child's Details"), this);
    details->setObjectName(u"childsDetails"_s);
    auto *grid = new QGridLayout(details);
    grid->setHorizontalSpacing(28);
    grid->setVerticalSpacing(4);
    const QStringList headers{tr("Child's Name"), tr("Gender"), tr("Date of Birth"), tr("Age")};
    for (int column = 0; column < headers.size(); ++column)
        grid->addWidget(sectionColumnHeader(headers.at(column), details), 0, column);
    m_name = sectionValue(u"childName"_s, details);
    m_gender = sectionValue(u"childGender"_s, details);
    m_dateOfBirth = sectionValue(u"childDateOfBirth"_s, details);
    m_age = sectionValue(u"childAge"_s, details);
    grid->addWidget(m_name, 1, 0);
    grid->addWidget(m_gender, 1, 1);
    grid->addWidget(m_dateOfBirth, 1, 2);
    grid->addWidget(m_age, 1, 3);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(3, 1);

    auto *comments = new QGroupBox(tr("Comments"), this);
    comments->setObjectName(u"commentsGroup"_s);
    auto *commentsLayout = new QVBoxLayout(comments);
    m_source = sectionValue(u"notificationSource"_s, comments);
    m_source->setTextFormat(Qt::RichText);
    m_comments = sectionValue(u"comments"_s, comments);
    m_comments->setWordWrap(true);
    commentsLayout->addWidget(m_source);
    commentsLayout->addWidget(m_comments);

    auto *requests = new QGroupBox(tr("Notification to the allocated worker"), this);
    auto *requestsLayout = new QVBoxLayout(requests);
    m_notify = new QPushButton(tr("CS &Notification to Allocated Worker – CPIS Follow Up"), this);
    m_notify->setObjectName(u"notifyButton"_s);
    m_notify->setToolTip(tr("Opens New request, with the note for this notification's source "
                            "and the child's current key worker"));
    m_requests = sectionValue(u"requestList"_s, requests);
    m_requests->setTextFormat(Qt::RichText);
    m_requests->setWordWrap(true);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_notify);
    buttonRow->addStretch(1);
    requestsLayout->addLayout(buttonRow);
    requestsLayout->addWidget(m_requests);

    m_completed = sectionCompletedMarker(u"section1Completed"_s, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(sectionHeading(tr("1. CPIS Follow Up"), this));
    layout->addWidget(details);
    layout->addWidget(comments);
    layout->addWidget(requests);
    layout->addWidget(m_completed);
    layout->addStretch(1);

    connect(m_notify, &QPushButton::clicked, this, &FollowUpSection::notifyClicked);
}

void FollowUpSection::show(const StepDetail &step, const StepChanges &changes, bool complete,
                           bool editable)
{
    m_name->setText(step.subjectName);
    m_gender->setText(DisplayNames::gender(step.gender));
    if (!step.dateOfBirth.isValid() && step.expectedDelivery.isValid()) {
        // Not born yet: say so, rather than leave Date of Birth and Age blank.
        m_dateOfBirth->setText(tr("Unborn, expected %1").arg(Display::date(step.expectedDelivery)));
        m_age->setText(tr("Unborn"));
    } else {
        m_dateOfBirth->setText(Display::date(step.dateOfBirth));
        m_age->setText(Display::age(step.dateOfBirth));
    }
    m_source->setText(
        tr("<b>%1</b> notification, received %2")
            .arg(Display::source(step.source).toHtmlEscaped(), Display::dateTime(step.receivedAt)));
    m_comments->setText(step.comments.isEmpty() ? tr("No comments.") : step.comments);

    QStringList lines;
    for (const StepRequest &r : step.requests) {
        if (r.state == u"draft"_s)
            lines << tr("\u25cb To <b>%1</b>: not sent yet; it will be sent when you save.")
                         .arg(r.recipient.toHtmlEscaped());
        else if (r.state == u"acknowledged"_s)
            lines << tr("\u2713 Sent to <b>%1</b> %2; acknowledged by %3 %4.")
                         .arg(r.recipient.toHtmlEscaped(), Display::dateTime(r.sentAt),
                              r.acknowledgedBy.toHtmlEscaped(),
                              Display::dateTime(r.acknowledgedAt));
        else
            lines << tr("\u2713 Sent to <b>%1</b> %2.")
                         .arg(r.recipient.toHtmlEscaped(), Display::dateTime(r.sentAt));
    }
    for (const PendingRequest &p : changes.requests)
        lines << tr("\u25cb To <b>%1</b>: not sent yet; it will be sent when you save.")
                     .arg(p.recipientName.toHtmlEscaped());
    m_requests->setText(lines.isEmpty()
                            ? tr("No request yet. Use the button above to notify the child's "
                                 "allocated worker.")
                            : lines.join(u"<br>"_s));
    m_notify->setEnabled(editable);
    m_completed->setComplete(complete);
}

} // namespace cpis::ui
