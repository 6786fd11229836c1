// The UI kit on its own: the row-model template under QAbstractItemModelTester with every hook
// it offers, the message banner's colours from the palette place, the unsaved-changes guard's
// close check, and the heading style.
#include "display.h"
#include "kit/heading.h"
#include "kit/message_banner.h"
#include "kit/row_table_model.h"
#include "kit/unsaved_changes_guard.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace cpis;

namespace {
struct Fruit
{
    int id = 0;
    QString name;
    int stock = 0;
};

enum { IdRole = Qt::UserRole + 1, SortRole };

// Clicks a button of the guard's question; the dialog is gone afterwards, as after a turn of
// the event loop.
void answer(QWidget &window, QMessageBox::StandardButton button)
{
    auto *box = window.findChild<QMessageBox *>(u"unsavedTestDialog"_s);
    REQUIRE(box);
    box->button(button)->click();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(window.findChildren<QMessageBox *>(u"unsavedTestDialog"_s).isEmpty());
}

class FruitModel final : public ui::RowTableModel<Fruit>
{
public:
    FruitModel() : RowTableModel(nullptr)
    {
        setColumns({
            ColumnSpec([] { return u"Name"_s; }, [](const Fruit &f) { return f.name; })
                .withToolTip([](const Fruit &f) { return u"All about %1"_s.arg(f.name); })
                .withAccessibleText([](const Fruit &f) { return u"Fruit %1"_s.arg(f.name); }),
            ColumnSpec([] { return u"Stock"_s; },
                       [](const Fruit &f) { return QString::number(f.stock); })
                .withAlignment(Qt::AlignRight | Qt::AlignVCenter)
                .withSortValue([](const Fruit &f) { return f.stock; })
                .withForeground([](const Fruit &f) {
                    return f.stock == 0 ? QVariant(QBrush(Qt::red)) : QVariant();
                })
                .withOtherRoles([](const Fruit &f, int role) {
                    if (role != Qt::FontRole || f.stock > 0)
                        return QVariant();
                    QFont bold;
                    bold.setBold(true);
                    return QVariant(bold);
                }),
        });
        setRowRoles({{IdRole, [](const Fruit &f) {
                          return f.id;
                      }}});
        setSortRole(SortRole);
    }
};
} // namespace

TEST_CASE("The row-model template shows each column's hooks and the row's roles", "[gui]")
{
    FruitModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.columnCount() == 2);
    CHECK(model.rowCount() == 0);
    model.setRows({{1, u"Apple"_s, 4}, {2, u"Banana"_s, 0}});
    REQUIRE(model.rowCount() == 2);

    CHECK(model.headerData(0, Qt::Horizontal).toString() == u"Name"_s);
    CHECK(model.headerData(1, Qt::Horizontal).toString() == u"Stock"_s);
    CHECK_FALSE(model.headerData(2, Qt::Horizontal).isValid());

    const QModelIndex apple = model.index(0, 0);
    CHECK(apple.data().toString() == u"Apple"_s);
    CHECK(apple.data(Qt::ToolTipRole).toString() == u"All about Apple"_s);
    CHECK(apple.data(Qt::AccessibleTextRole).toString() == u"Fruit Apple"_s);
    CHECK(apple.data(IdRole).toInt() == 1);
    CHECK(apple.data(SortRole).toString() == u"apple"_s); // no sort value: the text, lower case
    CHECK_FALSE(apple.data(Qt::TextAlignmentRole).isValid());
    CHECK_FALSE(apple.data(Qt::ForegroundRole).isValid());

    const QModelIndex bananaStock = model.index(1, 1);
    CHECK(bananaStock.data().toString() == u"0"_s);
    CHECK(bananaStock.data(SortRole).toInt() == 0);
    CHECK(bananaStock.data(IdRole).toInt() == 2); // row roles in every column
    CHECK(bananaStock.data(Qt::TextAlignmentRole).value<Qt::Alignment>() ==
          (Qt::AlignRight | Qt::AlignVCenter));
    CHECK(bananaStock.data(Qt::ForegroundRole).value<QBrush>().color() == QColor(Qt::red));
    CHECK(bananaStock.data(Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(model.index(0, 1).data(Qt::FontRole).isValid());
    CHECK_FALSE(bananaStock.data(Qt::ToolTipRole).isValid());

    CHECK(model.rowAt(bananaStock)->name == u"Banana"_s);
    CHECK(model.rowAt(QModelIndex()) == nullptr);
    // A page more goes at the end, the rows already there unchanged.
    model.appendRows({{3, u"Cherry"_s, 9}});
    REQUIRE(model.rowCount() == 3);
    CHECK(model.index(0, 0).data().toString() == u"Apple"_s);
    CHECK(model.index(2, 0).data().toString() == u"Cherry"_s);
    model.appendRows({});
    CHECK(model.rowCount() == 3);
    model.setRows({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("A message banner takes its colours from the palette place", "[gui]")
{
    QWidget window;
    ui::MessageBanner banner(u"testBanner"_s, &window);
    CHECK(banner.objectName() == u"testBanner"_s);
    CHECK(banner.isHidden());
    CHECK(banner.wordWrap());

    banner.showMessage(u"Not saved."_s, ui::BannerKind::Error);
    CHECK_FALSE(banner.isHidden());
    CHECK(banner.text() == u"Not saved."_s);
    const ui::BannerColours error = ui::Display::bannerColours(ui::BannerKind::Error);
    CHECK(banner.styleSheet().contains(error.background.name()));
    CHECK(banner.styleSheet().contains(error.text.name()));
    CHECK(banner.styleSheet().contains(error.border.name()));
    CHECK(banner.styleSheet().contains(u"padding: 8px"_s));

    // Each kind its own colours, its text readable on its background (at least 4.5:1).
    QSet<QString> backgrounds;
    for (const ui::BannerKind kind : {ui::BannerKind::Info, ui::BannerKind::Success,
                                      ui::BannerKind::Warning, ui::BannerKind::Error}) {
        const ui::BannerColours colours = ui::Display::bannerColours(kind);
        backgrounds.insert(colours.background.name());
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
                   0.0722 * channel(c.blueF());
        };
        const double contrast =
            (luminance(colours.background) + 0.05) / (luminance(colours.text) + 0.05);
        CHECK(contrast >= 4.5);
    }
    CHECK(backgrounds.size() == 4);

    banner.setPadding(6);
    banner.setKind(ui::BannerKind::Warning);
    CHECK(banner.styleSheet().contains(u"padding: 6px"_s));
    CHECK(banner.text() == u"Not saved."_s); // the kind alone leaves the text
    banner.showPlain(u"Saved the lists."_s);
    CHECK(banner.styleSheet().isEmpty());
}

TEST_CASE("The unsaved-changes guard asks once, then saves, discards or stays", "[gui]")
{
    bool changes = false;
    bool saving = false;
    int saves = 0;
    QWidget window;
    auto *guard = new ui::UnsavedChangesGuard(
        &window, u"unsavedTestDialog"_s,
        {.hasChanges = [&] { return changes; },
         .save = [&] { ++saves; },
         .question =
             [] {
                 return ui::UnsavedChangesQuestion{u"Unsaved"_s, u"Save?"_s, u"All"_s};
             },
         .saving =
             [&] {
                 return saving;
             }});
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    // Nothing changed: it closes without a question.
    CHECK(window.close());
    window.show();

    changes = true;
    CHECK_FALSE(window.close());
    auto *box = window.findChild<QMessageBox *>(u"unsavedTestDialog"_s);
    REQUIRE(box);
    CHECK(box->text() == u"Save?"_s);
    CHECK(box->informativeText() == u"All"_s);
    CHECK(box->defaultButton() == qobject_cast<QPushButton *>(box->button(QMessageBox::Save)));
    CHECK_FALSE(window.close()); // asking already: no second question
    CHECK(window.findChildren<QMessageBox *>(u"unsavedTestDialog"_s).size() == 1);

    // Cancel: the window stays, nothing saved.
    answer(window, QMessageBox::Cancel);
    CHECK(saves == 0);
    CHECK(window.isVisible());

    // Save: the save runs and the close waits for it; stored, the window closes.
    REQUIRE_FALSE(window.close());
    answer(window, QMessageBox::Save);
    CHECK(saves == 1);
    CHECK(guard->closeWaitsForSave());
    CHECK(window.isVisible());
    changes = false;
    guard->saveStored();
    CHECK_FALSE(window.isVisible());

    // Closed once: the next close with changes asks again.
    window.show();
    changes = true;
    CHECK_FALSE(window.close());
    answer(window, QMessageBox::Cancel);

    // A failed save drops the waiting close.
    saving = true;
    CHECK_FALSE(window.close()); // saving: no question, the close waits
    CHECK(guard->closeWaitsForSave());
    CHECK(window.findChildren<QMessageBox *>(u"unsavedTestDialog"_s).isEmpty());
    guard->saveFailed();
    saving = false;
    guard->saveStored();
    CHECK(window.isVisible());

    // Discard: it closes without saving.
    REQUIRE_FALSE(window.close());
    answer(window, QMessageBox::Discard);
    CHECK_FALSE(window.isVisible());
    CHECK(saves == 1);
}

TEST_CASE("Headings are bold and larger by their level", "[gui]")
{
    QLabel page(u"Current work"_s);
    QLabel panel(u"Alerts"_s);
    const qreal base = page.font().pointSizeF();
    ui::setHeadingStyle(&page, ui::HeadingLevel::Page);
    ui::setHeadingStyle(&panel, ui::HeadingLevel::Panel);
    CHECK(page.font().bold());
    CHECK(panel.font().bold());
    CHECK(page.font().pointSizeF() == Approx(base * 1.5));
    CHECK(panel.font().pointSizeF() == Approx(base * 1.2));

    // A caption stands out by weight alone: semibold, the size of the text around it.
    QLabel caption(u"Sections"_s);
    ui::setHeadingStyle(&caption, ui::HeadingLevel::Caption);
    CHECK(caption.font().weight() == QFont::DemiBold);
    CHECK(caption.font().pointSizeF() == Approx(base));
}
