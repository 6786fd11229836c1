#include "sign_in/password_store.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
const QString kService = u"cpis-workview"_s;
} // namespace

PasswordStore::PasswordStore(QObject *parent) : QObject(parent) {}

void PasswordStore::read(const QString &account, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(account);
    // Never fall back to a plain-text file when there is no keychain.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        done(job->error() == QKeychain::NoError ? job->textData() : QString());
    });
    job->start();
}

void PasswordStore::write(const QString &account, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError)
            emit problem(tr("Your password could not be remembered: %1").arg(job->errorString()));
    });
    job->start();
}

void PasswordStore::remove(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(account);
    job->setInsecureFallback(false);
    job->start();
}

} // namespace cpis::ui
