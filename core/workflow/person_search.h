// Finding a child: by part of any name (legal or other), person ID, NHS number (with or
// without spaces), date of birth, or exactly the main system's id; restricted children only
// for those allowed to see them.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace cpis {

struct PersonSearchHit
{
    qint64 id = 0;
    QString name;
    QDate dateOfBirth;
    QDate expectedDelivery; // for an unborn child
    QString nhsNumber;      // "943 476 5919", empty when none
    QString keyWorker;
    QString cpisStatus; // shared, sent, awaiting_upload, rejected, blocked, ended_at_18; empty
    QString otherNames; // the other names that matched, "Tommy Turner (Known as)"
    QString authorityPersonId; // the main case system's id (records feed), empty when none
};

class PersonSearch
{
public:
    explicit PersonSearch(Connection &connection) : m_connection(connection) {}

    // At most 100, by surname; SQL search_people (functions/people.sql) decides what matches.
    Result<QList<PersonSearchHit>> find(const QString &text);

private:
    Connection &m_connection;
};

} // namespace cpis
