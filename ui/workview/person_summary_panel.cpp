#include "workview/person_summary_panel.h"

#include "display.h"
#include "kit/heading.h"
#include "workflow/display_names.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

PersonSummaryPanel::PersonSummaryPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"personSummary"_s);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(280);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);

    auto *caption = new QLabel(tr("Subject"), this);
    caption->setObjectName(u"summaryCaption"_s);
    caption->setStyleSheet(Display::toneStyle(Tone::Secondary) + u" text-transform: uppercase;"_s);
    setHeadingStyle(caption, HeadingLevel::Caption);
    m_heading = new QLabel(this);
    m_heading->setObjectName(u"summaryName"_s);
    m_heading->setWordWrap(true);
    setHeadingStyle(m_heading, HeadingLevel::Summary);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_message = new QLabel(this);
    m_message->setObjectName(u"summaryMessage"_s);
    m_message->setWordWrap(true);

    m_details = new QWidget(this);
    // A grid, not a form layout: QFormLayout gave wrapped values (a long team name, several
    // plans) a row too short for them, seen in a real window.
    auto *grid = new QGridLayout(m_details);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    m_personIdValue = value(u"summaryPersonId"_s);
    m_dateOfBirth = value(u"summaryDateOfBirth"_s);
    m_gender = value(u"summaryGender"_s);
    m_nhsNumber = value(u"summaryNhsNumber"_s);
    m_keyWorker = value(u"summaryKeyWorker"_s);
    m_plans = value(u"summaryPlans"_s);
    m_otherNames = value(u"summaryOtherNames"_s);
    m_alerts = value(u"summaryAlerts"_s);
    const std::pair<QString, QLabel *> rows[] = {
        {tr("Person ID"), m_personIdValue}, {tr("Date of Birth"), m_dateOfBirth},
        {tr("Gender"), m_gender},           {tr("NHS number"), m_nhsNumber},
        {tr("Key Worker"), m_keyWorker},    {tr("Plans"), m_plans},
        {tr("Other Names"), m_otherNames},  {tr("Open alerts"), m_alerts},
    };
    int row = 0;
    for (const auto &[caption, field] : rows) {
        auto *label = new QLabel(caption, m_details);
        label->setBuddy(field);
        grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(field, row, 1, Qt::AlignTop);
        ++row;
    }

    // The details scroll rather than squeeze when large fonts need more room than the panel.
    auto *page = m_page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(10);
    pageLayout->addWidget(m_heading);
    pageLayout->addWidget(m_message);
    pageLayout->addWidget(m_details);
    pageLayout->addStretch(1);
    m_heading->setParent(page);
    m_message->setParent(page);
    m_details->setParent(page);
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(u"summaryScroll"_s);
    scroll->setAccessibleName(tr("Subject"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(page);
    layout->addWidget(caption);
    layout->addWidget(scroll, 1);
    clear();
}

QLabel *PersonSummaryPanel::value(const QString &objectName)
{
    auto *label = new QLabel(m_details);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void PersonSummaryPanel::setRowsVisible(bool visible)
{
    m_details->setVisible(visible);
    m_message->setVisible(!visible);
    if (visible)
        return;
    // Hidden rows keep no child's details either (a screen reader, a later show).
    for (QLabel *field : {m_personIdValue, m_dateOfBirth, m_gender, m_nhsNumber, m_keyWorker,
                          m_plans, m_otherNames, m_alerts})
        field->clear();
}

void PersonSummaryPanel::clear()
{
    m_personId = 0;
    m_heading->setText(tr("No step selected"));
    m_message->setText(tr("Select a step in Current work to see the child's details, key worker, "
                          "plans and alerts here."));
    setRowsVisible(false);
}

void PersonSummaryPanel::showLoading(qint64 personId, const QString &name)
{
    m_personId = personId;
    m_heading->setText(name);
    m_message->setText(tr("Loading…"));
    setRowsVisible(false);
}

void PersonSummaryPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    setRowsVisible(false);
}

void PersonSummaryPanel::showSummary(const PersonSummary &s)
{
    m_personId = s.id;
    m_heading->setText(s.name);
    m_personIdValue->setText(QString::number(s.id));
    if (s.dateOfBirth.isValid())
        m_dateOfBirth->setText(
            tr("%1 (age %2)").arg(Display::date(s.dateOfBirth), Display::age(s.dateOfBirth)));
    else if (s.expectedDelivery.isValid())
        m_dateOfBirth->setText(tr("Unborn: expected %1").arg(Display::date(s.expectedDelivery)));
    else
        m_dateOfBirth->setText(tr("Not recorded"));
    m_gender->setText(DisplayNames::gender(s.gender).toHtmlEscaped());

    QString nhs = s.nhsNumber.isEmpty() ? tr("<b>Not recorded</b> – CP-IS cannot flag this child")
                                        : s.nhsNumber.toHtmlEscaped();
    if (s.nhsNumberStatus == u"inactive"_s)
        nhs += tr(" <b>(inactive)</b>");
    else if (s.nhsNumberStatus == u"replaced"_s)
        nhs += tr(" (replaced)");
    m_nhsNumber->setText(nhs);

    m_keyWorker->setText(s.keyWorker.isEmpty()
                             ? tr("<b>No current key worker</b>")
                             : u"<b>%1</b><br>%2"_s.arg(s.keyWorker.toHtmlEscaped(),
                                                        s.keyWorkerTeam.toHtmlEscaped()));

    QStringList plans;
    for (const PlanPeriod &p : s.plans) {
        const QString kind = DisplayNames::planKind(p.kind).toHtmlEscaped();
        if (p.recordedInError)
            plans << tr("<s>%1</s>, recorded in error").arg(kind);
        else if (p.end.isValid())
            plans << tr("%1, %2 to %3").arg(kind, Display::date(p.start), Display::date(p.end));
        else
            plans << tr("<b>%1</b>, since %2").arg(kind, Display::date(p.start));
    }
    m_plans->setText(plans.isEmpty() ? tr("None") : plans.join(u"<br>"_s));

    QStringList names;
    for (const QString &n : s.otherNames)
        names << n.toHtmlEscaped();
    m_otherNames->setText(names.isEmpty() ? tr("None") : names.join(u"<br>"_s));

    QStringList alerts;
    for (const PersonAlert &a : s.openAlerts)
        alerts << u"<b>\u26a0 %1</b><br>%2"_s.arg(a.type.toHtmlEscaped(), a.body.toHtmlEscaped());
    m_alerts->setText(alerts.isEmpty() ? tr("None") : alerts.join(u"<br><br>"_s));
    setRowsVisible(true);
    fitPage();
}

// Word-wrapped rows need their full height; the scroll area gives it only when asked.
void PersonSummaryPanel::fitPage()
{
    m_page->layout()->activate();
    m_page->setMinimumHeight(m_page->layout()->totalHeightForWidth(m_scroll->viewport()->width()));
}

void PersonSummaryPanel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitPage();
}

} // namespace cpis::ui
