#include "person/record_dialog.h"

#include "domain/nhs_number.h"

#include "display.h"
#include "kit/message_banner.h"
#include "kit/unsaved_changes_guard.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
// What is wrong with a typed NHS number, in words a worker can act on.
QString nhsNumberProblem(const QString &text)
{
    switch (NhsNumber::validate(text)) {
    case NhsNumber::Problem::WrongLength:
        return RecordDialog::tr("An NHS number is ten digits.");
    case NhsNumber::Problem::NotDigits:
        return RecordDialog::tr("An NHS number is digits only (spaces are allowed).");
    case NhsNumber::Problem::CheckDigitMismatch:
    case NhsNumber::Problem::CheckDigitWouldBe10:
        return RecordDialog::tr("This is not an NHS number: the check digit (Modulus 11) does not "
                                "match. Check it was typed correctly.");
    case NhsNumber::Problem::None:
        break;
    }
    return {};
}
} // namespace

RecordDialog::RecordDialog(DatabaseThread *database, const QString &objectName,
                           const QString &title, QWidget *parent)
    : GuardedDialog(parent), m_database(database)
{
    setObjectName(objectName);
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    m_banner = new MessageBanner(objectName + u"Message"_s, this);
    m_form = new QFormLayout;
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(objectName + u"Buttons"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_guard = guard(objectName + u"Unsaved"_s,
                    {[this] { return hasChanges(); }, [this] { save(); },
                     [this] {
                         return UnsavedChangesQuestion{
                             tr("Unsaved changes"), tr("Save the changes to this child's record?"),
                             tr("Discard leaves the record as it was.")};
                     },
                     [this] {
                         return m_saving;
                     }});
}

void RecordDialog::addField(const QString &field, const QString &label, QWidget *widget)
{
    widget->setObjectName(field);
    auto *name = new QLabel(label, this);
    name->setBuddy(widget);
    auto *message = new QLabel(this);
    message->setObjectName(field + u"Error"_s);
    message->setWordWrap(true);
    message->setStyleSheet(Display::toneStyle(Tone::Problem));
    message->hide();
    m_messages.insert(field, message);
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(widget);
    column->addWidget(message);
    m_form->addRow(name, box);
    widget->setAccessibleName(QString(label).remove(u'&'));
    // Anything typed or chosen is a change the guard asks about.
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        connect(line, &QLineEdit::textEdited, this, [this] { markChanged(); });
    else if (auto *combo = qobject_cast<QComboBox *>(widget))
        connect(combo, &QComboBox::activated, this, [this] { markChanged(); });
}

void RecordDialog::addRow(QWidget *widget)
{
    m_form->addRow(widget);
    if (auto *check = qobject_cast<QCheckBox *>(widget))
        connect(check, &QCheckBox::toggled, this, [this] { markChanged(); });
}

QString RecordDialog::fieldMessage(const QString &field) const
{
    const QLabel *message = m_messages.value(field);
    return message && !message->isHidden() ? message->text() : QString();
}

void RecordDialog::setFieldMessage(const QString &field, const QString &message)
{
    if (QLabel *label = m_messages.value(field)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

void RecordDialog::clearMessages()
{
    for (QLabel *label : std::as_const(m_messages))
        label->hide();
    m_banner->hide();
    m_refusal.clear();
}

QDate RecordDialog::dateIn(const QString &field, QLineEdit *edit, bool required)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) {
        if (required)
            setFieldMessage(field, tr("Type the date as DD/MM/YYYY."));
        return {};
    }
    const QDate date = QDate::fromString(text, u"d/M/yyyy"_s);
    if (!date.isValid())
        setFieldMessage(field, tr("“%1” is not a date: type it as DD/MM/YYYY.").arg(text));
    return date;
}

bool RecordDialog::filledIn(const QString &field, QLineEdit *edit, const QString &what)
{
    if (!edit->text().trimmed().isEmpty())
        return true;
    setFieldMessage(field, what);
    return false;
}

void RecordDialog::checkNhsNumberAsTyped(const QString &field, QLineEdit *edit)
{
    edit->setPlaceholderText(tr("ten digits, e.g. 943 476 5919"));
    connect(edit, &QLineEdit::textEdited, this, [this, field, edit](const QString &text) {
        QString digits = text;
        digits.remove(u' ').remove(u'-');
        if (digits.isEmpty() || digits.size() < 10) {
            setFieldMessage(field, {});
            return;
        }
        if (const auto number = NhsNumber::parse(text)) {
            setFieldMessage(field, {});
            if (edit->text() != number->formatted())
                edit->setText(number->formatted());
            return;
        }
        setFieldMessage(field, nhsNumberProblem(text));
    });
}

QString RecordDialog::nhsNumberIn(const QString &field, QLineEdit *edit, bool required)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) {
        if (required)
            setFieldMessage(field, tr("Type the NHS number: ten digits."));
        return {};
    }
    if (const auto number = NhsNumber::parse(text))
        return number->digits();
    setFieldMessage(field, nhsNumberProblem(text));
    return {};
}

void RecordDialog::showRefusal(const QString &message)
{
    m_refusal = message;
    m_banner->showMessage(message, BannerKind::Error);
    emit refused();
}

QString RecordDialog::fieldFor(const QString &column) const
{
    QString field;
    bool upper = false;
    for (const QChar c : column) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        field += upper ? c.toUpper() : c;
        upper = false;
    }
    return field;
}

void RecordDialog::showRefusal(const Error &error)
{
    const QString field = error.column.isEmpty() ? QString() : fieldFor(error.column);
    if (!m_messages.contains(field)) {
        showRefusal(error.message);
        return;
    }
    m_refusal = error.message;
    setFieldMessage(field, error.message);
    if (QLabel *label = m_messages.value(field)) // the field itself, to correct it
        if (QWidget *box = label->parentWidget())
            if (auto *widget = box->findChild<QWidget *>(field))
                widget->setFocus();
    emit refused();
}

void RecordDialog::showInfo(const QString &message)
{
    m_banner->showMessage(message, BannerKind::Info);
}

void RecordDialog::save()
{
    if (m_saving)
        return;
    clearMessages();
    if (!check()) {
        emit refused();
        return;
    }
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_database->submit<qint64>(this, saveJob(), [this](Result<qint64> result) {
        m_saving = false;
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
        if (!result) {
            m_guard->saveFailed();
            showRefusal(result.error());
            afterRefusal(result.error());
            return;
        }
        emit saved(*result);
        m_guard->closeWithoutAsking();
    });
}

} // namespace cpis::ui
