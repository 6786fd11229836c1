#include "admin/configuration_exchange_tab.h"

#include "admin/configuration_fields.h"
#include "admin/configuration_window.h"
#include "cpis/mesh_client.h"
#include "display.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpacerItem>
#include <QThread>
#include <QVBoxLayout>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace cpis::ui {

// Its texts are translated in the ConfigurationWindow context, where the Welsh catalogue has
// them: ConfigurationWindow::tr.
ConfigurationExchangeTab::ConfigurationExchangeTab(ConfigurationFields *fields) : m_fields(fields)
{
    setObjectName(u"exchangeTab"_s);
    QWidget *tab = this;
    auto *layout = new QVBoxLayout(tab);
    auto *form = growingForm();
    fields->addLineField(
        tab, form, u"mesh.url"_s, ConfigurationWindow::tr("MESH server"),
        ConfigurationWindow::tr("https://… (plain http only to this machine, for testing)."));
    fields->addLineField(tab, form, u"mesh.mailbox"_s, ConfigurationWindow::tr("Our mailbox"), {});
    fields->addSecretField(tab, form, u"mesh.password"_s,
                           ConfigurationWindow::tr("Mailbox password"));
    fields->addSecretField(tab, form, u"mesh.shared_secret"_s,
                           ConfigurationWindow::tr("Shared secret"));
    fields->addLineField(tab, form, u"mesh.cpis_mailbox"_s,
                         ConfigurationWindow::tr("CP-IS mailbox"),
                         ConfigurationWindow::tr("Where uploads go."));
    fields->addLineField(
        tab, form, u"mesh.workflow_upload"_s, ConfigurationWindow::tr("Upload workflow id"),
        ConfigurationWindow::tr("The workflow id NHS England assigned for uploads."));
    fields->addLineField(tab, form, u"mesh.client_cert"_s,
                         ConfigurationWindow::tr("Client certificate file"),
                         ConfigurationWindow::tr(
                             "PEM files on the machine that runs the exchange, for mutual TLS."));
    fields->addLineField(tab, form, u"mesh.client_key"_s,
                         ConfigurationWindow::tr("Client key file"), {});
    fields->addLineField(tab, form, u"mesh.ca_cert"_s,
                         ConfigurationWindow::tr("CA certificate file"), {});
    fields->addLineField(
        tab, form, u"exchange.times"_s, ConfigurationWindow::tr("Schedule"),
        ConfigurationWindow::tr("Times of day the exchange runs, e.g. 08:00,11:00,14:00,16:45."));

    m_test = new QPushButton(ConfigurationWindow::tr("Test connection"), tab);
    m_test->setObjectName(u"meshTestConnection"_s);
    m_testResult = new QLabel(tab);
    m_testResult->setObjectName(u"meshTestResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setText(ConfigurationWindow::tr(
        "Test connection performs a MESH handshake with the server, mailbox and files above "
        "and the password and shared secret typed above (the stored ones cannot be read "
        "back). Nothing is saved by testing."));
    auto *row = new QHBoxLayout;
    row->addWidget(m_test, 0, Qt::AlignTop);
    row->addWidget(m_testResult, 1);
    // The whole width, in the form: the rows below it line up with those above.
    form->addRow(row);

    // The records feed's nightly door in: read by the exchange service at the times above. Its
    // rule (a full path, one line) is set_config's; a refusal shows under the field.
    auto *feed = new QLabel(ConfigurationWindow::tr("<b>The records feed.</b> Children on plans "
                                                    "from the authority's main case system, "
                                                    "imported on the schedule above."),
                            tab);
    feed->setObjectName(u"recordsFeedExplanation"_s);
    feed->setWordWrap(true);
    feed->setContentsMargins(0, 8, 0, 0);
    form->addRow(feed);
    fields->addLineField(
        tab, form, u"records.import_folder"_s, ConfigurationWindow::tr("Records import folder"),
        ConfigurationWindow::tr(
            "A folder on the machine that runs the exchange service, e.g. /srv/cpis/records-in, "
            "where the main case system leaves its CSV files. At each run the exchange imports "
            "every file there once, then moves it into done/ (every row applied) or refused/ "
            "(the file or a row refused) in that folder, with a report file beside it; the "
            "records officers get an alert. Empty: no scheduled import."));
    layout->addLayout(form);
    // Room the scroll area may take back: it measures the wrapped hints once without its scroll
    // bar, a line short, and the rows above would overlap when an error line appears.
    layout->addSpacerItem(new QSpacerItem(0, 48, QSizePolicy::Minimum, QSizePolicy::Preferred));
    layout->addStretch(1);
    connect(m_test, &QPushButton::clicked, this, &ConfigurationExchangeTab::testConnection);
}

void ConfigurationExchangeTab::testConnection()
{
    const auto value = [this](const QString &key) {
        return m_fields->value(key);
    };
    MeshSettings settings;
    settings.url = QUrl(value(u"mesh.url"_s));
    settings.mailbox = value(u"mesh.mailbox"_s);
    settings.password = value(u"mesh.password"_s);
    settings.sharedSecret = value(u"mesh.shared_secret"_s).toUtf8();
    settings.clientCertificate = value(u"mesh.client_cert"_s);
    settings.clientKey = value(u"mesh.client_key"_s);
    settings.caCertificate = value(u"mesh.ca_cert"_s);
    settings.timeoutMs = 15000;
    settings.retries = 0; // an answer now, not after the exchange's patient retries
    if (settings.password.isEmpty() || settings.sharedSecret.isEmpty()) {
        m_testResult->setStyleSheet(Display::toneStyle(ui::Tone::Caution));
        m_testResult->setText(ConfigurationWindow::tr(
            "Type the mailbox password and the shared secret above to test with them: the "
            "stored ones are write-only and cannot be read back, not even here. Testing "
            "does not save them."));
        emit connectionTested(false);
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setStyleSheet({});
    m_testResult->setText(ConfigurationWindow::tr("Testing the connection to %1…")
                              .arg(settings.url.toDisplayString()));
    const QString mailbox = settings.mailbox;
    auto result = std::make_shared<std::optional<Status>>();
    // The MESH client blocks while it waits: on a thread of its own, never the GUI thread.
    QThread *thread =
        QThread::create([settings, result] { *result = MeshClient(settings).handshake(); });
    // Context `this`: a result for a closed window is dropped.
    connect(thread, &QThread::finished, this, [this, result, mailbox] {
        m_test->setEnabled(true);
        const Status &outcome = **result;
        m_testResult->setStyleSheet(outcome ? Display::toneStyle(ui::Tone::Success)
                                            : Display::toneStyle(ui::Tone::Problem));
        if (outcome) {
            m_testResult->setText(
                ConfigurationWindow::tr("Connected: MESH accepted the handshake for mailbox %1.")
                    .arg(mailbox));
        } else {
            QString text =
                ConfigurationWindow::tr("The test failed: %1").arg(outcome.error().message);
            if (!outcome.error().hint.isEmpty())
                text += u' ' + outcome.error().hint;
            m_testResult->setText(text);
        }
        emit connectionTested(outcome.ok());
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace cpis::ui
