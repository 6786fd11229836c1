// How dates, sources and due times read on every screen, in one place.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QVariant>

namespace cpis::ui {

enum class DueState { None, OnTime, DueSoon, Overdue };
// Text colours that repeat a meaning already said in words.
enum class Tone { Problem, Caution, Success, Secondary };
// What a message banner says: its colours come from Display::bannerColours.
enum class BannerKind { Info, Success, Warning, Error };
struct BannerColours
{
    QColor background;
    QColor text;
    QColor border;
};
// The lines of the notification charts (Data quality): one colour per line, told apart also by
// the line's dash pattern and its legend entry.
struct ChartColours
{
    QColor ae;
    QColor dhu111;
    QColor inTime;
    QColor late;
    QColor stillOpen;
};

struct Display
{
    Q_DECLARE_TR_FUNCTIONS(Display)

public:
    static QString date(const QDate &date);              // 28/11/2016
    static QString dateTime(const QDateTime &dateTime);  // 22/11/2026 14:05
    static QString shortDateTime(const QDateTime &when); // today 14:05, Fri 14:05, 21/11 14:05
    static QString source(const QString &source);        // A&E, DHU-111
    static QString age(const QDate &dateOfBirth);        // 6, or 8 months
    static DueState dueState(const QDateTime &due, const QDateTime &now);
    static QString dueText(const QDateTime &due, const QDateTime &now); // "21/11 14:05 · Overdue"
    // The widest Due text in the user's language, to size columns: "Wed 18/11 10:00 · Overdue".
    static QString dueSample();
    static QIcon dueIcon(DueState state);
    // What a Due cell shows for `role`: the text with its state in words, an icon, and colour
    // and weight that repeat the state (never the only sign of it).
    static QVariant dueData(const QDateTime &due, const QDateTime &now, int role);
    static QIcon completeIcon(bool complete);
    // Readable on the application palette's base, light or dark (high contrast).
    static QColor toneColour(Tone tone);
    // A label's style sheet: text in the tone's colour, semibold (Secondary: regular).
    static QString toneStyle(Tone tone);
    // Rich text `html` in the tone's colour, for part of a label's text.
    static QString toneSpan(Tone tone, const QString &html);
    // A banner's background, text and border: a light background with dark text of at least
    // 4.5:1, set together, so it reads the same on light, dark and high-contrast palettes.
    static BannerColours bannerColours(BannerKind kind);
    // A banner label's style sheet: its colours, a rounded border and `padding` pixels inside.
    static QString bannerStyleSheet(BannerKind kind, int padding);
    // The chart lines, at least 3:1 against the palette's base, light or dark (high contrast).
    static ChartColours chartColours();
};

} // namespace cpis::ui
