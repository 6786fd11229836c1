// The Configuration tools' Office hours tab: office hours, working days and handling time
// (fields saved with Save), and the bank holidays (saved as they are added or removed).
#pragma once

#include "db/database_worker.h"
#include "workflow/list_admin.h"

#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace cpis::ui {

class BankHolidayModel;
class ConfigurationFields;

class ConfigurationOfficeTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigurationOfficeTab)

public:
    ConfigurationOfficeTab(DatabaseThread *database, ConfigurationFields *fields);

    void setDays(const QList<BankHoliday> &days);
    // Past ones above, out of view (a hidden table cannot scroll: call again once shown).
    void scrollToNextHoliday();
    [[nodiscard]] bool holidaysShown() const;

signals:
    // A bank holiday was added or removed; `done` says which.
    void changed(const QString &done);

private:
    void change(const std::function<Status(ListAdmin &)> &change, const QString &done);

    DatabaseThread *m_database;
    BankHolidayModel *m_holidays = nullptr;
    QTableView *m_holidaysView = nullptr;
    QDateEdit *m_holidayDay = nullptr;
    QLineEdit *m_holidayName = nullptr;
    QLabel *m_holidayError = nullptr;
};

} // namespace cpis::ui
