#include "main_window.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cpis::ui {

MainWindow::MainWindow(DatabaseChoice choice, QWidget *parent)
    : QMainWindow(parent), m_choice(std::move(choice))
{
    setWindowTitle(tr("CP-IS Workview"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);

    m_readOnlyBanner = new QLabel(central);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; "
                                                   "border: 1px solid #c8a600; padding: 8px; }"));
    m_readOnlyBanner->hide();

    m_heading = new QLabel(tr("Workview"), central);
    m_heading->setObjectName(QStringLiteral("workviewHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_body = new QLabel(tr("Connecting to the case database…"), central);
    m_body->setObjectName(QStringLiteral("workviewBody"));
    m_body->setWordWrap(true);

    layout->addWidget(m_readOnlyBanner);
    layout->addWidget(m_heading);
    layout->addWidget(m_body);
    layout->addStretch(1);
    setCentralWidget(central);

    m_connectionStatus = new QLabel(tr("Connecting…"), this);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addWidget(m_connectionStatus, 1);

    m_worker = new DatabaseWorker;
    m_worker->moveToThread(&m_databaseThread);
    connect(&m_databaseThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DatabaseWorker::opened, this, &MainWindow::showConnected);
    connect(m_worker, &DatabaseWorker::failed, this, &MainWindow::showFailure);
    m_databaseThread.setObjectName(QStringLiteral("database"));
    m_databaseThread.start();
}

MainWindow::~MainWindow()
{
    m_databaseThread.quit();
    m_databaseThread.wait();
}

void MainWindow::connectToDatabase()
{
    m_body->setText(tr("Connecting to the case database…"));
    m_connectionStatus->setText(tr("Connecting…"));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, choice = m_choice] { worker->open(choice); },
        Qt::QueuedConnection);
}

void MainWindow::showConnected(const ConnectionSummary &summary)
{
    m_connectionStatus->setText(
        tr("Connected to %1 · signed in as %2 · PostgreSQL %3 · schema version %4")
            .arg(summary.where, summary.user, summary.serverVersion)
            .arg(summary.schemaVersion));
    m_body->setText(tr("Connected to the case database. Current work and Incoming requests "
                       "will be listed here."));
    if (summary.readOnly) {
        m_readOnlyBanner->setText(
            tr("Read only: the database's schema (version %1) is newer than this program knows "
               "(version %2), so nothing can be saved. Install the newer version of CP-IS "
               "Workview.")
                .arg(summary.schemaVersion)
                .arg(summary.latestKnownSchema));
        m_readOnlyBanner->show();
    } else {
        m_readOnlyBanner->hide();
    }
    emit ready();
}

void MainWindow::showFailure(const Error &error)
{
    m_connectionStatus->setText(tr("Not connected"));
    m_body->setText(tr("The case database could not be reached."));
    if (!m_errorDialog) {
        m_errorDialog = new QMessageBox(QMessageBox::Critical, tr("Cannot reach the case database"),
                                        tr("The case database could not be reached."),
                                        QMessageBox::Retry | QMessageBox::Close, this);
        m_errorDialog->setObjectName(QStringLiteral("connectionErrorDialog"));
        connect(m_errorDialog, &QMessageBox::finished, this, [this](int button) {
            if (button == QMessageBox::Retry)
                connectToDatabase();
            else
                close();
        });
    }
    QString details = error.message;
    if (!error.hint.isEmpty())
        details += QStringLiteral("\n\n") + tr("What to try: %1").arg(error.hint);
    m_errorDialog->setInformativeText(details);
    m_errorDialog->open();
    emit failed(error);
}

} // namespace cpis::ui
