#include "workflow/case_note_service.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<qint64> CaseNoteService::add(const Input &input)
{
    auto id = queryValue(m_connection, u"SELECT add_case_note($1, $2, $3, $4, $5, $6, $7::uuid)"_s,
                         {input.personId, input.type,
                          input.contactDate.isValid() ? QVariant(input.contactDate)
                                                      : QVariant(QMetaType::fromType<QDate>()),
                          input.body, input.finish, nullIfZero(input.requestId),
                          input.saveKey.isNull()
                              ? QVariant(QMetaType::fromType<QString>())
                              : QVariant(input.saveKey.toString(QUuid::WithoutBraces))});
    if (!id)
        return id.error();
    return id->integer();
}

Status CaseNoteService::update(qint64 noteId, const QDate &contactDate, const QString &body,
                               bool finish)
{
    auto q = execute(
        m_connection, u"SELECT update_case_note($1, $2, $3, $4)"_s,
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
        execute(m_connection, uR"(
        SELECT n.id, n.person_id, n.note_type, w.name AS author, n.contact_date, n.body,
               n.state = 'final' AS final, coalesce(n.request_id, 0) AS request_id
        FROM case_note n JOIN worker w ON w.id = n.author_id
        WHERE n.person_id = $1 ORDER BY n.contact_date DESC, n.id DESC LIMIT $2)"_s,
                {personId, limit < 0 ? QVariant(QMetaType::fromType<int>()) : QVariant(limit)});
    if (!q)
        return q.error();
    QList<CaseNote> notes;
    for (const Row &n : *q) {
        notes.append({n.integer("id"), n.integer("person_id"), n.text("note_type"),
                      n.text("author"), n.date("contact_date"), n.text("body"), n.boolean("final"),
                      n.integer("request_id")});
    }
    return notes;
}

Result<int> CaseNoteService::countForPerson(qint64 personId)
{
    auto count = queryValue(m_connection, u"SELECT count(*) FROM case_note WHERE person_id = $1"_s,
                            {personId});
    if (!count)
        return count.error();
    return int(count->integer());
}

} // namespace cpis
