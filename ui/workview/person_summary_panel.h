// Beside Current work: who the selected step is about, so that the admin sees the child's
// key worker, plans and alerts without leaving the list.
#pragma once

#include "workflow/person_summary.h"

#include <QFrame>

class QLabel;

class QScrollArea;

namespace cpis::ui {

class PersonSummaryPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonSummaryPanel)

public:
    explicit PersonSummaryPanel(QWidget *parent = nullptr);

    void showSummary(const PersonSummary &summary);
    // Says whose details are on the way: personId() is theirs from now on.
    void showLoading(qint64 personId, const QString &name);
    void showMessage(const QString &message);
    void clear();
    [[nodiscard]] qint64 personId() const { return m_personId; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QLabel *value(const QString &objectName);
    void setRowsVisible(bool visible);
    void fitPage();

    qint64 m_personId = 0;
    QLabel *m_heading = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_personIdValue = nullptr;
    QLabel *m_dateOfBirth = nullptr;
    QLabel *m_gender = nullptr;
    QLabel *m_nhsNumber = nullptr;
    QLabel *m_keyWorker = nullptr;
    QLabel *m_plans = nullptr;
    QLabel *m_otherNames = nullptr;
    QLabel *m_alerts = nullptr;
    QWidget *m_page = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace cpis::ui
