#include "display.h"

#include "workflow/person_summary.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace cpis::ui {

namespace {
constexpr qint64 kDueSoonSecs = 2 * 60 * 60;

// A round badge with a symbol: readable without colour, stronger with it.
QIcon badge(const QColor &fill, const QString &symbol)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(2, 2, 28, 28);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(20);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(0, 0, 32, 32), Qt::AlignCenter, symbol);
    return QIcon(pixmap);
}
} // namespace

QString Display::date(const QDate &date)
{
    return date.isValid() ? date.toString(u"dd/MM/yyyy"_s) : QString();
}

QString Display::dateTime(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s) : QString();
}

QString Display::shortDateTime(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = local.toString(u"HH:mm"_s);
    if (local.date() == today)
        return tr("Today %1").arg(time);
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    if (local.date() == today.addDays(1))
        return tr("Tomorrow %1").arg(time);
    return QLocale().toString(local, u"ddd dd/MM HH:mm"_s); // day names in the user's language
}

QString Display::source(const QString &source)
{
    if (source == u"ae"_s)
        return tr("A&E");
    if (source == u"dhu_111"_s)
        return tr("DHU-111");
    return source.isEmpty() ? tr("Not known") : source;
}

QString Display::age(const QDate &dateOfBirth)
{
    const QDate today = QDate::currentDate();
    const int years = ageInYears(dateOfBirth, today);
    if (years < 0)
        return {};
    if (years >= 2)
        return QString::number(years);
    int months = (today.year() - dateOfBirth.year()) * 12 + today.month() - dateOfBirth.month();
    if (today.day() < dateOfBirth.day())
        --months;
    return tr("%n month(s)", nullptr, months);
}

DueState Display::dueState(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return DueState::None;
    if (due <= now)
        return DueState::Overdue;
    if (now.secsTo(due) <= kDueSoonSecs)
        return DueState::DueSoon;
    return DueState::OnTime;
}

QString Display::dueText(const QDateTime &due, const QDateTime &now)
{
    switch (dueState(due, now)) {
    case DueState::None:
        return {};
    case DueState::Overdue:
        return tr("%1 · Overdue").arg(shortDateTime(due));
    case DueState::DueSoon:
        return tr("%1 · Due soon").arg(shortDateTime(due));
    case DueState::OnTime:
        break;
    }
    return shortDateTime(due);
}

QString Display::dueSample()
{
    return dueText(QDateTime(QDate(2026, 11, 18), QTime(10, 0)),
                   QDateTime(QDate(2026, 11, 30), QTime(10, 0)));
}

QVariant Display::dueData(const QDateTime &due, const QDateTime &now, int role)
{
    const DueState state = dueState(due, now);
    switch (role) {
    case Qt::DisplayRole:
        return dueText(due, now);
    case Qt::DecorationRole:
        return dueIcon(state);
    case Qt::ForegroundRole:
        if (state == DueState::Overdue)
            return QBrush(toneColour(Tone::Problem));
        if (state == DueState::DueSoon)
            return QBrush(toneColour(Tone::Caution));
        return {};
    case Qt::FontRole:
        if (state == DueState::Overdue) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QIcon Display::dueIcon(DueState state)
{
    static const QIcon overdue = badge(QColor(0xb0, 0x1e, 0x1e), u"!"_s);
    static const QIcon soon = badge(QColor(0xa8, 0x5a, 0x00), u"\u2022"_s);
    switch (state) {
    case DueState::Overdue:
        return overdue;
    case DueState::DueSoon:
        return soon;
    default:
        return {};
    }
}

QIcon Display::completeIcon(bool complete)
{
    static const QIcon done = badge(QColor(0x1e, 0x7b, 0x34), u"\u2713"_s);
    static const QIcon open = badge(QColor(0x8a, 0x8f, 0x98), u"\u2013"_s);
    return complete ? done : open;
}

QColor Display::toneColour(Tone tone)
{
    // Dark red and brown on light bases, light red and amber on dark ones: at least 4.5:1
    // against either (WCAG AA for normal text).
    const QPalette palette = QGuiApplication::palette();
    const bool darkBase = palette.color(QPalette::Base).lightnessF() < 0.5;
    switch (tone) {
    case Tone::Problem:
        return darkBase ? QColor(0xff, 0x9e, 0x9e) : QColor(0xa6, 0x1b, 0x1b);
    case Tone::Caution:
        return darkBase ? QColor(0xff, 0xc8, 0x66) : QColor(0x8a, 0x4b, 0x00);
    case Tone::Success:
        return darkBase ? QColor(0x9b, 0xe3, 0xa9) : QColor(0x17, 0x3d, 0x1f);
    case Tone::Secondary: {
        // Quieter than the text, not as faint as the palette's Dark or Mid: a quarter of the
        // way from the text to the window colour.
        const QColor text = palette.color(QPalette::WindowText);
        const QColor window = palette.color(QPalette::Window);
        const auto mix = [](int a, int b) {
            return (3 * a + b) / 4;
        };
        return QColor(mix(text.red(), window.red()), mix(text.green(), window.green()),
                      mix(text.blue(), window.blue()));
    }
    }
    return {};
}

BannerColours Display::bannerColours(BannerKind kind)
{
    switch (kind) {
    case BannerKind::Info:
        return {QColor(0xea, 0xf1, 0xfb), QColor(0x0f, 0x2f, 0x57), QColor(0x7a, 0xa3, 0xd8)};
    case BannerKind::Success:
        return {QColor(0xe8, 0xf4, 0xea), QColor(0x17, 0x3d, 0x1f), QColor(0x4c, 0x9a, 0x5b)};
    case BannerKind::Warning:
        return {QColor(0xff, 0xf4, 0xce), QColor(0x3b, 0x2f, 0x00), QColor(0xc8, 0xa6, 0x00)};
    case BannerKind::Error:
        return {QColor(0xfd, 0xec, 0xea), QColor(0x5f, 0x15, 0x12), QColor(0xd9, 0x53, 0x4f)};
    }
    return {};
}

QString Display::bannerStyleSheet(BannerKind kind, int padding)
{
    const BannerColours colours = bannerColours(kind);
    return u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 4px; "
           u"padding: %4px; }"_s
               .arg(colours.background.name(), colours.text.name(), colours.border.name())
               .arg(padding);
}

ChartColours Display::chartColours()
{
    // Blue, purple, green, red and ochre: darker on light bases, lighter on dark ones.
    if (QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5)
        return {QColor(0x6c, 0xb4, 0xff), QColor(0xd2, 0x9c, 0xe8), QColor(0x6f, 0xd6, 0x94),
                QColor(0xff, 0x8a, 0x7a), QColor(0xf0, 0xc8, 0x4a)};
    return {QColor(0x00, 0x5e, 0xb8), QColor(0x76, 0x32, 0x8e), QColor(0x00, 0x7f, 0x3b),
            QColor(0xc0, 0x39, 0x2b), QColor(0x8a, 0x6d, 0x00)};
}

QString Display::toneSpan(Tone tone, const QString &html)
{
    return u"<span style='color:%1'>%2</span>"_s.arg(toneColour(tone).name(), html);
}

QString Display::toneStyle(Tone tone)
{
    if (tone == Tone::Secondary)
        return u"color: %1;"_s.arg(toneColour(tone).name());
    return u"color: %1; font-weight: 600;"_s.arg(toneColour(tone).name());
}

} // namespace cpis::ui
