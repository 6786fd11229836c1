#include "workflow/person_search.h"

#include "db/rows.h"

using namespace Qt::StringLiterals;

namespace cpis {

Result<QList<PersonSearchHit>> PersonSearch::find(const QString &text)
{
    auto q = execute(m_connection, u"SELECT * FROM search_people($1)"_s, {text});
    if (!q)
        return q.error();
    QList<PersonSearchHit> hits;
    for (const Row &r : *q)
        hits.append({r.integer("person_id"), r.text("name"), r.date("date_of_birth"),
                     r.date("expected_delivery"), r.text("nhs_number"), r.text("key_worker"),
                     r.text("cpis_status"), r.text("matched_name"), r.text("authority_person_id")});
    return hits;
}

} // namespace cpis
