// Find a child (Ctrl+Shift+F everywhere, and the workview's search box): by part of any name,
// person ID, main system ID, NHS number or date of birth; Enter on a result opens the person
// record.
#pragma once

#include "db/database_worker.h"

#include <QDialog>

class QLineEdit;
class QTableView;
class QTimer;

namespace cpis::ui {

class MessageBanner;
class NewChildDialog;
class PersonSearchModel;

class FindChildDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindChildDialog)

public:
    explicit FindChildDialog(DatabaseThread *database, QWidget *parent = nullptr);

    // Types `text` into the box and searches at once.
    void search(const QString &text);
    [[nodiscard]] PersonSearchModel *results() const { return m_model; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_text; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    // New child… / New unborn child…: once saved, the new record opens.
    NewChildDialog *openNewChild(bool unborn);
    // Whether no search is running.
    [[nodiscard]] bool isIdle() const { return m_running == 0; }
    // For choosing someone from inside another dialog (the mother of a new unborn child):
    // `title` for the window, no New child buttons; choosing a result emits openPerson.
    void chooseOnly(const QString &title);

signals:
    void openPerson(qint64 personId);
    // The search for the text now in the box came back (found or refused); an answer to
    // older text is dropped without a word.
    void searched();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void openCurrent();

    DatabaseThread *m_database;
    QLineEdit *m_text = nullptr;
    QTableView *m_table = nullptr;
    MessageBanner *m_message = nullptr;
    PersonSearchModel *m_model = nullptr;
    QTimer *m_typing = nullptr;
    int m_running = 0;
    QString m_lastSearched;
};

} // namespace cpis::ui
