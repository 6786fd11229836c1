#include "help/about_dialog.h"

#include "db/database_worker.h"
#include "help/app_icon.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cpis::ui {

AboutDialog::AboutDialog(DatabaseThread *database, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About CP-IS Workview"));

    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    auto *title =
        new QLabel(tr("<b>CP-IS Workview</b><br>Caseworker client for CP-IS (Child Protection - "
                      "Information Sharing)"),
                   this);
    title->setWordWrap(true);
    auto *heading = new QHBoxLayout;
    heading->addWidget(icon);
    heading->addWidget(title, 1);

    auto *form = new QFormLayout;
    addRow(form, tr("Version"), u"aboutVersion"_s)->setText(QStringLiteral(CPIS_VERSION));
    addRow(form, tr("Qt"), u"aboutQtVersion"_s)->setText(QString::fromLatin1(qVersion()));
    m_server = addRow(form, tr("Database server"), u"aboutServer"_s);
    m_database = addRow(form, tr("Database"), u"aboutDatabase"_s);
    m_serverVersion = addRow(form, tr("PostgreSQL"), u"aboutServerVersion"_s);
    m_schema = addRow(form, tr("Schema version"), u"aboutSchemaVersion"_s);
    m_login = addRow(form, tr("Signed in as"), u"aboutLogin"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addLayout(form);
    layout->addWidget(buttons);

    database->submit<ConnectionDetails>(
        this, [](Connection &c) { return describeConnection(c); },
        [this](Result<ConnectionDetails> details) { showDetails(details); });
}

QLabel *AboutDialog::addRow(QFormLayout *form, const QString &label, const QString &name)
{
    auto *value = new QLabel(tr("Loading…"), this);
    value->setObjectName(name);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

void AboutDialog::showDetails(const Result<ConnectionDetails> &details)
{
    if (!details) {
        const QString problem = tr("Not known: %1").arg(details.error().message);
        for (QLabel *label : {m_server, m_database, m_serverVersion, m_schema, m_login})
            label->setText(problem);
    } else {
        // A host name, or the folder of the Unix socket the connection went through.
        m_server->setText(details->host.startsWith(u'/')
                              ? tr("socket in %1, port %2").arg(details->host, details->port)
                              : tr("%1, port %2").arg(details->host, details->port));
        m_database->setText(details->database);
        m_serverVersion->setText(details->serverVersion);
        m_schema->setText(QString::number(details->schemaVersion));
        m_login->setText(details->login);
    }
    m_loaded = true;
    emit loaded();
}

} // namespace cpis::ui
