// What the security tests share: refusals as comparable text, a digest of every row the case
// database keeps, and the pieces of a world they set up (a restricted child, a triaged step,
// a login that is no worker).
#pragma once

#include "db/rows.h"
#include "support/case_world.h"
#include "workflow/case_note_service.h"

#include <string>

namespace cpis::test {

// "succeeded", or the refusal's SQLSTATE: readable either way when a CHECK fails.
std::string sqlStateOf(Connection &c, const QString &sql, const QVariantList &params = {});

// "succeeded", or the service error's code ("denied", "not_found", ...).
template<typename T> std::string codeOf(const Result<T> &result)
{
    return result ? "succeeded" : result.error().code.toStdString();
}

Value valueOf(Connection &c, const QString &sql, const QVariantList &params = {});
int countOf(Connection &c, const QString &sql, const QVariantList &params = {});
// As text Catch2 can print when a CHECK fails.
std::string textOf(Connection &c, const QString &sql, const QVariantList &params = {});

// A digest of every row of every table, read as the owner (who bypasses row-level security):
// equal digests before and after mean nothing was changed.
std::string fingerprint(Connection &owner);

// As the owner: a restricted child whom only the given worker may see.
qint64 addRestrictedChild(Connection &owner, int allowedWorkerId);

// As a Safeguarding Admin: claims the step, drafts a request to the recipient, adds the next
// action and saves, which sends the request. The step is then ready to finish; returns its version.
int triage(Connection &admin, qint64 stepId, int recipientId);

// A plain case note about the person, finished or a draft.
CaseNoteService::Input noteAbout(qint64 personId, bool finish);

// As the owner: a records officer (issue 19), with a login unique to the test.
CaseWorld::User addRecordsOfficer(Connection &owner);

// A login role with no worker behind it, in the group role given (none when empty). Roles are
// cluster-wide: dropped when the test ends, so declare connections made with it after this object.
class LoneLogin
{
public:
    explicit LoneLogin(Connection &owner, const QString &groupRole = {});
    ~LoneLogin();
    Q_DISABLE_COPY_MOVE(LoneLogin)

    void grant(const QString &groupRole);
    [[nodiscard]] const QString &name() const { return m_name; }

private:
    Connection &m_owner;
    QString m_name;
};

} // namespace cpis::test
