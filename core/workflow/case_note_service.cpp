#include "workflow/case_note_service.h"

#include "db/service_call.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<qint64> CaseNoteService::add(const Input &input)
{
    auto id = callScalar(m_connection, u"SELECT add_case_note(?, ?, ?, ?, ?, ?, ?::uuid)"_s,
                         {input.personId, input.type,
                          input.contactDate.isValid() ? QVariant(input.contactDate)
                                                      : QVariant(QMetaType::fromType<QDate>()),
                          input.body, input.finish, nullIfZero(input.requestId),
                          input.saveKey.isNull()
                              ? QVariant(QMetaType::fromType<QString>())
                              : QVariant(input.saveKey.toString(QUuid::WithoutBraces))});
    if (!id)
        return id.error();
    return id->toLongLong();
}

Status CaseNoteService::update(qint64 noteId, const QDate &contactDate, const QString &body,
                               bool finish)
{
    auto q = callService(
        m_connection, u"SELECT update_case_note(?, ?, ?, ?)"_s,
        {noteId,
         contactDate.isValid() ? QVariant(contactDate) : QVariant(QMetaType::fromType<QDate>()),
         body, finish});
    if (!q)
        return q.error();
    return success();
}

Result<QList<CaseNote>> CaseNoteService::forPerson(qint64 personId, int limit)
{
    // LIMIT NULL is no limit.
    auto q =
        callService(m_connection, uR"(
        SELECT n.id, n.person_id, n.note_type, w.name, n.contact_date, n.body, n.state = 'final', coalesce(n.request_id, 0)
        FROM case_note n JOIN worker w ON w.id = n.author_id
        WHERE n.person_id = ? ORDER BY n.contact_date DESC, n.id DESC LIMIT ?)"_s,
                    {personId, limit < 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(limit)});
    if (!q)
        return q.error();
    QList<CaseNote> notes;
    while (q->next()) {
        notes.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                      q->value(3).toString(), q->value(4).toDate(), q->value(5).toString(),
                      q->value(6).toBool(), q->value(7).toLongLong()});
    }
    return notes;
}

Result<int> CaseNoteService::countForPerson(qint64 personId)
{
    auto count = callScalar(m_connection, u"SELECT count(*) FROM case_note WHERE person_id = ?"_s,
                            {personId});
    if (!count)
        return count.error();
    return count->toInt();
}

} // namespace cpis
